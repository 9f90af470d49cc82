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

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

func runCLI(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

const asemCLI = "../../testdata/asem/"

// gansuJob loads the demo method and its two years as explain does.
func gansuJob(tb testing.TB) (prevM, curM engine.Model, prev, cur *engine.Data) {
	tb.Helper()
	for _, f := range []string{"data-2021.xlsx", "data-2022.xlsx"} {
		if _, err := os.Stat(filepath.Join(gansu, f)); err != nil {
			tb.Skipf("demo data not generated: %v", err)
		}
	}
	src, err := os.ReadFile(gansu + "/method.toml")
	if err != nil {
		tb.Fatal(err)
	}
	m, err := method.Parse("method.toml", src)
	if err != nil {
		tb.Fatal(err)
	}
	read := func(f string) *engine.Data {
		t, err := xlsx.ReadTable(filepath.Join(gansu, f), "")
		if err != nil {
			tb.Fatal(err)
		}
		d, err := method.ReadData(m, t)
		if err != nil {
			tb.Fatal(err)
		}
		return method.EngineData(d)
	}
	mm, err := method.NewModel(m, nil, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return mm, mm, read("data-2021.xlsx"), read("data-2022.xlsx")
}

// TestExplainMethodExact explains every county of the demo between 2021
// and 2022 and checks that the parts add up to the change of the
// published (rounded) score, and that the model reproduces evaluate's
// overall scores.
func TestExplainMethodExact(t *testing.T) {
	prevM, curM, prev, cur := gansuJob(t)
	for _, u := range cur.Raw.Units {
		e, err := engine.Explain(prevM, prev, curM, cur, u)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if math.Abs(e.Sum()-e.Change) > 1e-9 {
			t.Errorf("%s: parts %v, change %v", u, e.Sum(), e.Change)
		}
		if math.Abs(e.Adjustments) > 0.01 { // no events: two roundings to 2 decimals only
			t.Errorf("%s: adjustments %v beyond rounding", u, e.Adjustments)
		}
	}
}

func TestExplainCOINrCLI(t *testing.T) {
	code, out, errs := runCLI(t, "explain", "--lang", "en", "--imeta", asemCLI+"ASEM_iMeta.csv", "--idata", asemCLI+"ASEM_iData_p.csv",
		"--denominate", "--impute", "mean-group:EurAsia_group", "--screen", "0.9", "--treat", "default", "--normalise", "minmax:0,100",
		"--group", "EurAsia_group", "--unit", "CHN", "--to-top", "5", "--set", "LPI=4")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"CHN China  2021→2022", "score 36.843 → 37.175 (+0.332), rank 50 → 49", "sum\t\t\t\t+0.332",
		"overtook:", "MYS Malaysia", "Strengths and weaknesses (against the mean of Asia)", "every indicator improved by", "if LPI = 4"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = runCLI(t, "explain", "--imeta", asemCLI+"ASEM_iMeta.csv", "--idata", asemCLI+"ASEM_iData_p.csv",
		"--normalise", "minmax:1,100", "--aggregate", "gmean", "--unit", "DEU", "--period", "2020", "--json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var rep struct {
		Explanation struct {
			Change     float64
			Indicators []struct{ Total float64 }
		} `json:"explanation"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var s float64
	for _, c := range rep.Explanation.Indicators {
		s += c.Total
	}
	if len(rep.Explanation.Indicators) != 49 || math.Abs(s-rep.Explanation.Change) > 1e-9 {
		t.Errorf("%d indicators summing to %v, change %v", len(rep.Explanation.Indicators), s, rep.Explanation.Change)
	}
	for _, bad := range [][]string{
		{"explain", "--imeta", asemCLI + "ASEM_iMeta.csv", "--idata", asemCLI + "ASEM_iData.csv", "--unit", "CHN"}, // one period
		{"explain", "--imeta", asemCLI + "ASEM_iMeta.csv", "--idata", asemCLI + "ASEM_iData_p.csv"},                // no unit
		{"explain", "--imeta", asemCLI + "ASEM_iMeta.csv", "--idata", asemCLI + "ASEM_iData_p.csv", "--unit", "XXX"},
	} {
		if code, _, _ := runCLI(t, bad...); code == 0 {
			t.Errorf("%v: exit 0", bad)
		}
	}
}

func TestExplainMethodCLI(t *testing.T) {
	gansuJob(t) // skips without the demo data
	code, out, errs := runCLI(t, "explain", "--method", gansu+"/method.toml", "--data", gansu+"/data-2022.xlsx",
		"--previous", gansu+"/data-2021.xlsx", "--events", gansu+"/events-2022.csv", "--targets", gansu+"/targets-2022.csv",
		"--unit", "620602", "--to-top", "3", "--indicator", "gdp")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"620602 凉州区  2021→2022", "得分变化的分解", "加减分与取整", "合计", "优势与短板", "进入前 3 名所需"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, _, errs = runCLI(t, "explain", "--method", gansu+"/method.toml", "--data", gansu+"/data-2022.xlsx",
		"--previous", gansu+"/result-2021.csv", "--unit", "620602")
	if code == 0 || !strings.Contains(errs, "数据文件") {
		t.Errorf("a result as --previous: exit %d, %s", code, errs)
	}
}

// BenchmarkExplainGansu explains one county between the demo's two years
// under the demo method: two method runs plus two mixed runs.
func BenchmarkExplainGansu(b *testing.B) {
	prevM, curM, prev, cur := gansuJob(b)
	for b.Loop() {
		if _, err := engine.Explain(prevM, prev, curM, cur, "620702"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWhatIfGansu is the gap of one county to the top 10 by GDP.
func BenchmarkWhatIfGansu(b *testing.B) {
	_, curM, _, cur := gansuJob(b)
	for b.Loop() {
		if _, err := engine.WhatIf(curM, cur, engine.WhatIfQuery{Unit: "620702", Column: "gdp", TopK: 10}); err != nil {
			b.Fatal(err)
		}
	}
}
