package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// calcRun writes files (name → content) to a temporary folder, runs the
// program there with args ({dir} replaced by the folder) in a neutral
// locale, and returns exit code, stdout and stderr.
func calcRun(t *testing.T, files map[string]string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "")
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, a := range args {
		args[i] = strings.ReplaceAll(a, "{dir}", dir)
	}
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	// Errors name the file by the path given; strip the folder so that
	// tests can compare messages.
	return code, out.String(), strings.ReplaceAll(errb.String(), dir+string(filepath.Separator), "")
}

// decodeOne decodes stdout as exactly one JSON object.
func decodeOne(t *testing.T, stdout string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("stdout holds more than one JSON value:\n%s", stdout)
	}
}

func assertMap(t *testing.T, what string, got, want map[string]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want keys of %v", what, got, want)
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok || math.Abs(g-w) > tol {
			t.Errorf("%s[%s] = %v, want %v (±%g)", what, k, g, w, tol)
		}
	}
}

// xuCSV is the entropy example of Xu (2004), EJOR 156(2), 530–532, whose
// printed weights are 0.4630, 0.3992, 0.1378, 0.0000.
const xuCSV = "方案,A1,A2,A3,A4\nx1,30,30,38,29\nx2,19,54,86,29\nx3,19,15,85,28.9\nx4,68,70,60,29\n"

// drinksCSV is Saaty's (2008) drink consumption matrix, with fractions.
const drinksCSV = `drink,coffee,wine,tea,beer,sodas,milk,water
coffee,1,9,5,2,1,1,1/2
wine,1/9,1,1/3,1/9,1/9,1/9,1/9
tea,1/5,3,1,1/3,1/4,1/3,1/9
beer,1/2,9,3,1,1/2,1,1/3
sodas,1,9,4,2,1,2,1/2
milk,1,9,3,1,1/2,1,1/3
water,2,9,9,3,2,3,1
`

func TestWeightsEntropyJSON(t *testing.T) {
	code, out, errs := calcRun(t, map[string]string{"m.csv": xuCSV}, "weights", "entropy", "--data", "{dir}/m.csv", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct{ Weights map[string]float64 }
	decodeOne(t, out, &got)
	assertMap(t, "weights", got.Weights, map[string]float64{"A1": 0.4630, "A2": 0.3992, "A3": 0.1378, "A4": 0}, 0.00005)
	// Full precision: the JSON carries every digit of the float64.
	if !strings.Contains(out, `"A1": 0.4629522868993799`) {
		t.Errorf("weight not in full precision: %s", out)
	}
	// The keys keep the order of the header.
	if strings.Index(out, `"A1"`) > strings.Index(out, `"A4"`) {
		t.Errorf("keys out of order: %s", out)
	}
}

func TestWeightsEntropyTable(t *testing.T) {
	code, out, _ := calcRun(t, map[string]string{"m.csv": xuCSV}, "weights", "entropy", "--data", "{dir}/m.csv", "--standardise", "minmax", "--types", "+,+,-,+", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"standardisation: minmax", "0·ln 0 = 0", "A3 −", "weight w_j"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestWeightsCRITICJSON(t *testing.T) {
	// Diakoulaki et al. (1995), the CRITIC paper's example: 0.2022, 0.4809, 0.3169.
	data := "alt,c1,c2,c3\nA1,61,1.08,4.33\nA2,20.7,0.26,4.34\nA3,16.3,1.98,2.53\nA4,9.0,3.29,1.65\nA5,5.4,2.77,2.33\nA6,4.0,4.12,1.21\nA7,-6.1,3.52,2.10\nA8,-34.6,3.31,0.98\n"
	code, out, errs := calcRun(t, map[string]string{"m.csv": data}, "weights", "critic", "--data", "{dir}/m.csv", "--types", "+,+,+", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]map[string]float64
	decodeOne(t, out, &got)
	assertMap(t, "weights", got["weights"], map[string]float64{"c1": 0.20222554, "c2": 0.48090173, "c3": 0.31687273}, 1e-8)
}

func TestWeightsAHPJSON(t *testing.T) {
	code, out, errs := calcRun(t, map[string]string{"p.csv": drinksCSV}, "weights", "ahp", "--matrix", "{dir}/p.csv", "--ri", "saaty2005", "--json")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var got struct {
		Weights   map[string]float64
		LambdaMax float64 `json:"lambda_max"`
		CI, CR    float64
	}
	decodeOne(t, out, &got)
	// Saaty (2008), Int. J. Services Sciences 1(1), Table 2: .177 .019
	// .042 .116 .190 .129 .327, C.R. = .022.
	assertMap(t, "weights", got.Weights, map[string]float64{"coffee": .177, "wine": .019, "tea": .042,
		"beer": .116, "sodas": .190, "milk": .129, "water": .327}, 0.0005)
	if math.Abs(got.CR-0.022) > 0.0005 || math.Abs(got.CI-got.CR*1.35) > 1e-12 || math.Abs(got.LambdaMax-(7+6*got.CI)) > 1e-12 {
		t.Errorf("λmax %v, CI %v, CR %v", got.LambdaMax, got.CI, got.CR)
	}
	for _, key := range []string{`"weights"`, `"lambda_max"`, `"ci"`, `"cr"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s: %s", key, out)
		}
	}
}

// TestWeightsAHPWarning: CR ≥ 0.1 warns on stderr, keeps stdout one JSON
// object and exits 0.
func TestWeightsAHPWarning(t *testing.T) {
	p := "c,A,B,C\nA,1,9,1/9\nB,1/9,1,9\nC,9,1/9,1\n"
	for _, tt := range []struct{ lang, want string }{{"zh", "未通过一致性检验"}, {"en", "not acceptably consistent"}} {
		t.Run(tt.lang, func(t *testing.T) {
			code, out, errs := calcRun(t, map[string]string{"p.csv": p}, "weights", "ahp", "--matrix", "{dir}/p.csv", "--json", "--lang", tt.lang)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got map[string]any
			decodeOne(t, out, &got)
			if !strings.Contains(errs, tt.want) || !strings.Contains(errs, "CR") {
				t.Errorf("stderr %q lacks the warning", errs)
			}
		})
	}
}

func TestWeightsAHPTable(t *testing.T) {
	code, out, _ := calcRun(t, map[string]string{"p.csv": drinksCSV}, "weights", "ahp", "--matrix", "{dir}/p.csv", "--priority", "geomean", "--ri", "gong-xu")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"方根法", "龚木森", "λmax =", "CR =", "通过一致性检验", "water"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestWeightsErrors: bad input exits 2 with the problem located in the
// file (FILE:LINE:COLUMN) or named for an argument, in both languages.
func TestWeightsErrors(t *testing.T) {
	files := map[string]string{
		"neg.csv":    "alt,a,b\nx,1,2\ny,-3,4\n",
		"nonrec.csv": "c,A,B,C\nA,1,3,4\nB,1/3,1,2\nC,1/4,2,1\n",
		"nonsq.csv":  "c,A,B,C\nA,1,3,4\nB,1/3,1,2\n",
		"rows.csv":   "c,A,B\nA,1,3\nB,1/3,1\nC,1,1\n",
		"order.csv":  "c,A,B\nB,1,3\nA,1/3,1\n",
		"nonnum.csv": "alt,a,b\nx,1,abc\ny,3,\n",
		"dup.csv":    "alt,a,b\nx,1,2\nx,3,4\n",
		"zero.csv":   "c,A,B\nA,1,0\nB,1,1\n",
		"ok.csv":     "alt,a,b\nx,1,2\ny,3,5\n",
	}
	tests := []struct {
		name   string
		args   []string
		zh, en string
	}{
		{"negative with none", []string{"weights", "entropy", "--data", "{dir}/neg.csv"},
			"neg.csv:3:2: 数值 -3 为负", "neg.csv:3:2: negative value -3"},
		{"not reciprocal", []string{"weights", "ahp", "--matrix", "{dir}/nonrec.csv"},
			"nonrec.csv:4:3: 判断矩阵不满足互反性：a(C,B) = 2", "nonrec.csv:4:3: the pairwise matrix is not reciprocal: a(C,B) = 2"},
		{"not square", []string{"weights", "ahp", "--matrix", "{dir}/nonsq.csv"},
			"nonsq.csv:1: 判断矩阵应为方阵：表头有 3 个准则，数据有 2 行", "nonsq.csv:1: the pairwise matrix must be square: 3 criteria in the header, 2 rows"},
		{"too many rows", []string{"weights", "ahp", "--matrix", "{dir}/rows.csv"},
			"rows.csv:4: 判断矩阵应为方阵", "rows.csv:4: the pairwise matrix must be square"},
		{"row order", []string{"weights", "ahp", "--matrix", "{dir}/order.csv"},
			"order.csv:2:1: 此行应为准则 \"A\"", "order.csv:2:1: this row should be criterion \"A\""},
		{"zero entry", []string{"weights", "ahp", "--matrix", "{dir}/zero.csv"},
			"zero.csv:2:3: 判断矩阵元素 0 无效", "zero.csv:2:3: pairwise entry 0 is invalid"},
		{"non-numeric", []string{"weights", "entropy", "--data", "{dir}/nonnum.csv"},
			"nonnum.csv:2:3: 应为数值，实际为 \"abc\"\nnonnum.csv:3:3: 缺少数值", "nonnum.csv:2:3: expected a number, found \"abc\"\nnonnum.csv:3:3: missing value"},
		{"duplicate name", []string{"weights", "critic", "--data", "{dir}/dup.csv", "--types", "+,+"},
			"dup.csv:3:1: 名称 \"x\" 重复", "dup.csv:3:1: the name \"x\" appears twice"},
		{"wrong number of types", []string{"weights", "critic", "--data", "{dir}/ok.csv", "--types", "+,-,+"},
			"qiangxian: --types 有 3 项，数据有 2 个指标", "qiangxian: --types has 3 entries, the data has 2 criteria"},
		{"bad type", []string{"weights", "critic", "--data", "{dir}/ok.csv", "--types", "+,x"},
			"--types 第 2 项 \"x\" 无效", "--types entry 2 \"x\" is invalid"},
		{"types required", []string{"weights", "critic", "--data", "{dir}/ok.csv"},
			"缺少 --types", "--types is required"},
		{"unknown priority", []string{"weights", "ahp", "--matrix", "{dir}/nonrec.csv", "--priority", "lls"},
			"--priority \"lls\" 无效", "--priority \"lls\" is invalid"},
		{"unknown standardisation", []string{"weights", "entropy", "--data", "{dir}/ok.csv", "--standardise", "z"},
			"--standardise \"z\" 无效", "--standardise \"z\" is invalid"},
		{"missing file", []string{"weights", "entropy", "--data", "{dir}/none.csv"},
			"无法读取 --data 文件", "cannot read the --data file"},
		{"unknown method", []string{"weights", "pca"}, "未知的赋权方法 \"pca\"", "unknown weighting method \"pca\""},
	}
	for _, tt := range tests {
		for _, lang := range []string{"zh", "en"} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				want := tt.zh
				if lang == "en" {
					want = tt.en
				}
				args := append(append([]string(nil), tt.args...), "--lang", lang)
				code, out, errs := calcRun(t, files, args...)
				if code != 2 {
					t.Errorf("exit %d, want 2; stderr %q", code, errs)
				}
				if out != "" {
					t.Errorf("stdout %q, want nothing", out)
				}
				if !strings.Contains(errs, want) {
					t.Errorf("stderr %q lacks %q", errs, want)
				}
			})
		}
	}
}

// TestWeightsLANG: LANG=en… selects English without --lang.
func TestWeightsLANG(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	dir := t.TempDir()
	path := filepath.Join(dir, "neg.csv")
	if err := os.WriteFile(path, []byte("alt,a\nx,-1\ny,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"weights", "entropy", "--data", path}, &out, &errb)
	if want := path + ":2:2: negative value -1"; code != 2 || !strings.Contains(errb.String(), want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", code, errb.String(), want)
	}
}
