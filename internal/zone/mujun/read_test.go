package mujun

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func TestUSCC(t *testing.T) {
	for _, c := range []struct{ code, key string }{
		// GB 32100-2015's example. Σ c_i·w_i = 9·1 + 1·3 + 3·9 + 5·27 +
		// 1·26 + M(21)·20 + 1·8 + Y(30)·30 + 4·28 = 1640; 1640 mod 31 =
		// 28; 31 − 28 = 3.
		{"91350100M000100Y43", ""},
		{"91110000802100433B", ""},
		{"91350100M000100Y44", "mujun.uscc.check"},
		{"91350100M000100Y4", "mujun.uscc.len"},
		{"91350100M000100I43", "mujun.uscc.char"}, // I is not used
		{"9135A100M000100Y43", "mujun.uscc.region"},
		{"91350100m000100y43", "mujun.uscc.char"}, // the reader upper-cases first
	} {
		if k, _ := USCCProblem(c.code); k != c.key {
			t.Errorf("USCCProblem(%s) = %q, want %q", c.code, k, c.key)
		}
	}
}

func TestCompleteUSCC(t *testing.T) {
	for _, c := range []struct{ first17, want string }{
		{"91350100M000100Y4", "91350100M000100Y43"}, // GB 32100-2015's example, worked in TestUSCC
		{"91110000802100433", "91110000802100433B"},
		{"91350100M000100I4", ""}, // I is not in the set
		{"9135", ""},
	} {
		if got := CompleteUSCC(c.first17); got != c.want {
			t.Errorf("CompleteUSCC(%s) = %q, want %q", c.first17, got, c.want)
		}
	}
}

const goodTable = `year,uscc,name,zone,subpark,industry,above_scale,land_owned,land_leased_in,land_leased_out,start_year,output,value_added,tax,energy,emissions,rd,employees,accident
2024,91350100M000100Y43,示例甲公司,示例开发区,一园,C3311,是,10,2,1,2019,5000,1200,300,400,20,150,80,
2024,91110000802100433B,示例乙公司,示例开发区,,33,0,4,,,2023,,,-5,,,,,1
2023,91350100M000100Y43,示例甲公司,示例开发区,一园,C3311,是,10,2,1,2019,4000,1000,250,400,20,120,80,
`

func TestReadEnterprises(t *testing.T) {
	tab, err := table.Read("e.csv", strings.NewReader(goodTable))
	if err != nil {
		t.Fatal(err)
	}
	es, year, err := ReadEnterprises(tab, 0)
	if err != nil {
		t.Fatal(err)
	}
	if year != 2024 || len(es) != 2 {
		t.Fatalf("year %d, %d enterprises; want 2024 and 2 (the 2023 row is skipped)", year, len(es))
	}
	// 10 owned + 2 leased in − 1 leased out.
	if l := es[0].Land(); l != 11 || !es[0].AboveSize || es[0].SubPark != "一园" || es[0].Tax != 300 {
		t.Errorf("first: land %v above %v subpark %q tax %v", l, es[0].AboveSize, es[0].SubPark, es[0].Tax)
	}
	if l := es[1].Land(); l != 4 || !es[1].Accident || es[1].Tax != -5 || !math.IsNaN(es[1].Energy) {
		t.Errorf("second: land %v accident %v tax %v energy %v", l, es[1].Accident, es[1].Tax, es[1].Energy)
	}
	es, _, err = ReadEnterprises(tab, 2023)
	if err != nil || len(es) != 1 || es[0].Output != 4000 {
		t.Errorf("2023: %v %v", es, err)
	}
	t.Run("refunds", func(t *testing.T) {
		// 120 paid − 30 refunded = 90 net; an empty refund is none.
		tab, _ := table.Read("e.csv", strings.NewReader("uscc,name,zone,land_owned,start_year,tax,tax_refund\n"+
			"91350100M000100Y43,甲,Z,5,2020,120,30\n91110000802100433B,乙,Z,5,2020,50,\n"))
		es, _, err := ReadEnterprises(tab, 0)
		if err != nil || es[0].Tax != 90 || es[1].Tax != 50 {
			t.Errorf("%v %v", es, err)
		}
	})
}

func TestReadEnterprisesErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"missing columns", "uscc,name,zone\n", "e.csv:1: 缺少列 \"land_owned\"\ne.csv:1: 缺少列 \"start_year\"\ne.csv:1: 缺少列 \"tax\""},
		{"bad cells", "uscc,name,zone,land_owned,land_leased_out,start_year,tax,industry,accident\n" +
			"91350100M000100Y44,甲,Z,5,,2020,1,C3311,\n" +
			"91110000802100433B,,Z,-1,,20x,a,X1,maybe\n" +
			"91350100M000100Y43,丙,Z,3,4,2020,1,,\n" +
			"91350100M000100Y43,丁,Z,3,,2020,1,,\n",
			"e.csv:2:1: 统一社会信用代码 \"91350100M000100Y44\" 校验位错误（按 GB 32100-2015 应为 3）\n" +
				"e.csv:3:2: name 不能为空\n" +
				"e.csv:3:4: land_owned 不能为负数，实际为 \"-1\"\n" +
				"e.csv:3:6: 应为四位年份，实际为 \"20x\"\n" +
				"e.csv:3:7: 应为数值，实际为 \"a\"\n" +
				"e.csv:3:8: 行业代码 \"X1\" 不是 GB/T 4754 代码（门类字母 A–T 和/或 2–4 位数字）\n" +
				"e.csv:3:9: accident 应为 1/0、true/false 或 是/否，实际为 \"maybe\"\n" +
				"e.csv:4:5: 出租用地 4 亩超过自有与租入用地之和 3 亩\n" +
				"e.csv:5:1: 统一社会信用代码 91350100M000100Y43 重复（第 4 行已出现）"},
		{"no rows of the year", "year,uscc,name,zone,land_owned,start_year,tax\nx,91350100M000100Y43,甲,Z,5,2020,1\n",
			"e.csv:2:1: 应为四位年份，实际为 \"x\""},
		{"empty", "uscc,name,zone,land_owned,start_year,tax\n", "e.csv:1: 表格没有数据行"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab, err := table.Read("e.csv", strings.NewReader(c.src))
			if err != nil {
				t.Fatal(err)
			}
			es, _, err := ReadEnterprises(tab, 0)
			if es != nil {
				t.Errorf("enterprises returned with errors: %v", es)
			}
			tes, ok := err.(table.Errors)
			if !ok {
				t.Fatalf("error %v, want table.Errors", err)
			}
			var lines []string
			for _, e := range tes {
				lines = append(lines, e.Format(locale.ZH))
			}
			if d := cmp.Diff(c.want, strings.Join(lines, "\n")); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	t.Run("year absent from the table", func(t *testing.T) {
		tab, _ := table.Read("e.csv", strings.NewReader(goodTable))
		_, _, err := ReadEnterprises(tab, 2020)
		if err == nil || !strings.Contains(err.Error(), "no enterprise for year 2020") {
			t.Errorf("err %v", err)
		}
	})
}

// FuzzReadEnterprises: any input reads without panicking, and what is read
// holds valid codes, land ≥ 0 and no duplicate code.
func FuzzReadEnterprises(f *testing.F) {
	f.Add([]byte(goodTable))
	f.Add([]byte("uscc,name,zone,land_owned,start_year,tax\n91350100M000100Y43,a,b,1,2020,NA\n"))
	f.Add([]byte("uscc,name,zone,land_owned,start_year,tax,land_leased_out\n91350100M000100Y43,a,b,1,2020,1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := table.Read("f.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		es, _, err := ReadEnterprises(tab, 0)
		if err != nil {
			if _, ok := err.(table.Errors); !ok || es != nil {
				t.Fatalf("error %v (%T) with %d enterprises", err, err, len(es))
			}
			return
		}
		seen := map[string]bool{}
		for _, e := range es {
			if !ValidUSCC(e.USCC) || seen[e.USCC] || e.Land() < 0 || e.Name == "" || e.Zone == "" {
				t.Fatalf("bad enterprise read: %+v", e)
			}
			seen[e.USCC] = true
		}
	})
}

func TestParseScheme(t *testing.T) {
	s := exampleScheme(t)
	if len(s.Indicators) != 5 || len(s.Classes) != 4 || s.Override.Accident != "D" || *s.Classes[0].MaxShare != 0.2 {
		t.Errorf("example scheme read as %+v", s)
	}
	for _, c := range []struct{ name, src, want string }{
		{"syntax", "name = \n", "s.toml:1:8: "},
		{"unknown key", "[eligibility]\nmin_lnd = 3\n", "s.toml:2:1: 未知的键 eligibility.min_lnd"},
		{"semantics", "[[indicator]]\nkey = \"tax_per_mu\"\nweight = 0\nstandard = 1\n[[indicator]]\nkey = \"tax\"\nweight = 1\nstandard = 1\n" +
			"[[class]]\nname = \"A\"\nmin_score = 50\nmax_share = 1.5\n[[class]]\nname = \"B\"\nmin_score = 60\nmax_share = 0.1\n[override]\naccident = \"E\"\n",
			"s.toml:3: weight 应为正数，实际为 0\n" +
				"s.toml:6: 未知指标 \"tax\"；可用：tax_per_mu, va_per_mu, output_per_mu, va_per_energy, va_per_emission, rd_share, va_per_employee\n" +
				"s.toml:12: max_share 应在 0 与 1 之间，实际为 1.5\n" +
				"s.toml:15: 类别应按 min_score 从高到低排列：60 不低于上一类的 50\n" +
				"s.toml:16: 最低一类 B 不能有 max_share（无处可降）\n" +
				"s.toml:18: 没有名为 \"E\" 的类别"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseScheme("s.toml", []byte(c.src))
			tes, ok := err.(table.Errors)
			if !ok {
				t.Fatalf("error %v, want table.Errors", err)
			}
			var lines []string
			for _, e := range tes {
				lines = append(lines, e.Format(locale.ZH))
			}
			if got := strings.Join(lines, "\n"); !strings.HasPrefix(got, c.want) {
				t.Errorf("got\n%s\nwant prefix\n%s", got, c.want)
			}
		})
	}
}
