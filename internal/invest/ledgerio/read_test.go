package ledgerio

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

const projectsHead = "项目编号,项目名称,所在地代码,投资方,投资方代码,投资方所在地,签约日期,签约活动,协议投资额,合同开工日期,实际开工日期,合同投产日期,实际投产日期,终止日期,增资对象"

func mustTable(t *testing.T, name, text string) *table.Table {
	t.Helper()
	tb, err := table.Read(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// messages renders err's located problems in English, one a line.
func messages(err error) []string {
	var out []string
	if es, ok := err.(table.Errors); ok {
		for _, e := range es {
			out = append(out, e.Format(locale.EN))
		}
	}
	return out
}

func TestReadLedger(t *testing.T) {
	projects := projectsHead + ",迁建,所在园区代码\n" +
		"P1,甲,620622,某公司,91440300708461136T,440300,2024-03-15,兰洽会,10.5,2024-06-30,,,,,,否,GL\n" +
		"P2,乙增资,,,,,2024-05-01,,2,,,,,,P1,,\n" +
		"P3,丙,620702,Foreign Ltd,HRB 12345,DE,,,,,,,,,,1,\n"
	funds := "项目编号,月份,金额,资金来源,凭证,出资方所在地\nP1,2024-04,1.25,股东出资,进账单,\nP2,2024-05,0.5,专项债,,hk\n"
	l, err := ReadLedger(mustTable(t, "p.csv", projects), mustTable(t, "f.csv", funds))
	if err != nil {
		t.Fatal(err)
	}
	p2 := l.Projects[1]
	// The increase takes its place and investor from P1.
	if p2.County != "620622" || p2.Zone != "GL" || p2.InvestorLoc != "440300" || p2.Amount != 200000000 || p2.Signed != 20240501 {
		t.Errorf("increase %+v", p2)
	}
	if !l.Projects[2].Relocation || l.Projects[0].Relocation || l.Projects[0].Amount != 1050000000 {
		t.Errorf("projects %+v", l.Projects)
	}
	want := []invest.Funds{
		{Project: 0, Month: 202404, Amount: 125000000, Source: invest.SourceShareholder, Evidence: true},
		{Project: 1, Month: 202405, Amount: 50000000, Source: invest.SourceSpecialBond, PayerLoc: "HK"},
	}
	if diff := cmp.Diff(want, l.Funds); diff != "" {
		t.Errorf("funds (-want +got):\n%s", diff)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name            string
		projects, funds string
		want            []string
	}{
		{"malformed dates, codes and amounts",
			projectsHead + "\n" +
				"P1,甲,62062,某,,440300,2024-3-15,,x,2024-02-30,,,,,\n" + // line 2
				"P1,乙,610102,某,91440300708461136A,4403,,,-1,,,,,,\n" + // line 3
				"P3,丙,620622,某,ABC,310115,,,,,,,,,P9\n", // line 4
			"项目编号,月份,金额,资金来源,凭证\nP1,2024-13,1,股东出资,x\n",
			[]string{
				"p.csv:2:3: 所在地代码 must be a 6-digit Gansu division code (starting with 62), found \"62062\"",
				"p.csv:2:7: the date must be YYYY-MM-DD, found \"2024-3-15\"",
				"p.csv:2:9: the amount must be a number of 亿元, found \"x\"",
				"p.csv:2:10: the date must be YYYY-MM-DD, found \"2024-02-30\"",
				"p.csv:3:1: 项目编号 \"P1\" appears twice (already on line 2)",
				"p.csv:3:3: 所在地代码 must be a 6-digit Gansu division code (starting with 62), found \"610102\"",
				"p.csv:3:5: 投资方代码 \"91440300708461136A\" is not a valid 统一社会信用代码 (a domestic investor needs the 18-character code with a correct check character)",
				"p.csv:3:6: expected a 6-digit division code or a 2-letter code for 境外, found \"4403\"",
				"p.csv:3:9: 协议投资额 cannot be negative: \"-1\"",
				"p.csv:4:5: 投资方代码 \"ABC\" is not a valid 统一社会信用代码 (a domestic investor needs the 18-character code with a correct check character)",
				"p.csv:4:15: 增资对象 \"P9\" is not an original project of the projects table",
				"f.csv:2:2: the month must be YYYY-MM, found \"2024-13\"",
			}},
		{"funds rows",
			projectsHead + "\nP1,甲,620622,某,,HK,2024-03-15,,1,,,,,,\n",
			"凭证,金额,项目编号,月份,资金来源,出资方所在地\n" +
				"x,1,P2,2024-01,股东出资,\n" + // unknown project
				"x,,P1,2024-1,股东,\n" + // no amount, bad month, bad source
				"x,1e3x,P1,2024-01,外地金融机构,ABC\n",
			[]string{
				"f.csv:2:3: unknown 项目编号 \"P2\" (not in the projects table)",
				"f.csv:3:2: the amount is empty",
				"f.csv:3:4: the month must be YYYY-MM, found \"2024-1\"",
				"f.csv:3:5: 资金来源 must be one of 股东出资, 企业自有, 外地金融机构, 本地金融机构, 政府资金, 专项债; found \"股东\"",
				"f.csv:4:2: the amount must be a number of 亿元, found \"1e3x\"",
				"f.csv:4:6: expected a 6-digit division code or a 2-letter code for 境外, found \"ABC\"",
			}},
		{"missing columns",
			"项目编号,项目名称\nP1,x\n", "项目编号,月份,金额,资金来源\n",
			[]string{
				"p.csv:1: missing column \"所在地代码\"", "p.csv:1: missing column \"投资方\"",
				"p.csv:1: missing column \"投资方代码\"", "p.csv:1: missing column \"投资方所在地\"",
				"p.csv:1: missing column \"签约日期\"", "p.csv:1: missing column \"签约活动\"",
				"p.csv:1: missing column \"协议投资额\"", "p.csv:1: missing column \"合同开工日期\"",
				"p.csv:1: missing column \"实际开工日期\"", "p.csv:1: missing column \"合同投产日期\"",
				"p.csv:1: missing column \"实际投产日期\"", "p.csv:1: missing column \"终止日期\"",
				"p.csv:1: missing column \"增资对象\"", "f.csv:1: missing column \"凭证\"",
			}},
		{"relocation flag",
			projectsHead + ",迁建\nP1,甲,620622,某,,HK,,,,,,,,,,也许\n", "项目编号,月份,金额,资金来源,凭证\n",
			[]string{"p.csv:2:16: 迁建 must be 是/否, 1/0 or true/false, found \"也许\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLedger(mustTable(t, "p.csv", c.projects), mustTable(t, "f.csv", c.funds))
			if diff := cmp.Diff(c.want, messages(err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadTargets(t *testing.T) {
	tg, err := ReadTargets(mustTable(t, "t.csv", "unit,year,target\n620622,2024,12.5\n620702,2024,3\n"))
	if err != nil || tg[TargetKey{"620622", 2024}] != 12.5 || len(tg) != 2 {
		t.Fatalf("%v %v", tg, err)
	}
	_, err = ReadTargets(mustTable(t, "t.csv", "unit,year,target\n620622,24,x\n620622,2024,1\n620622,2024,2\n"))
	want := []string{
		"t.csv:2:2: the year must have 4 digits, found \"24\"",
		"t.csv:2:3: the target must be a non-negative number (亿元), found \"x\"",
		"t.csv:4:1: the target of 620622 for 2024 appears twice (already on line 3)",
	}
	if diff := cmp.Diff(want, messages(err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// FuzzReadLedger feeds arbitrary tables to the readers: they must never
// panic, and either fail with located problems or give a ledger on which
// the metrics can be computed.
func FuzzReadLedger(f *testing.F) {
	f.Add(projectsHead+"\nP1,甲,620622,某,,HK,2024-03-15,,1,,,,,,\nP2,乙,,,,,2024-04-01,,1,,,,,,P1\n",
		"项目编号,月份,金额,资金来源,凭证,出资方所在地\nP1,2024-04,1,股东出资,x,310115\nP2,2024-05,2,企业自有,,\n")
	f.Add(projectsHead+"\nP1,甲,62062x,某,x,xx,2024-02-30,,-1,,,,,,P1\n", "项目编号,月份,金额\nP1,2024-00,NaN\n")
	f.Fuzz(func(t *testing.T, projects, funds string) {
		pt, err1 := table.Read("p.csv", strings.NewReader(projects))
		ft, err2 := table.Read("f.csv", strings.NewReader(funds))
		if err1 != nil || err2 != nil {
			return
		}
		l, err := ReadLedger(pt, ft)
		if err != nil {
			if len(messages(err)) == 0 {
				t.Fatalf("error without located problems: %v", err)
			}
			return
		}
		for _, lv := range []invest.Level{invest.LevelProvince, invest.LevelCounty, invest.LevelZone} {
			invest.Compute(l, invest.Options{Level: lv, From: 202401, To: 202412, CohortYear: 2024, OverdueMonths: 6})
		}
	})
}

// FuzzReadTargets: the targets reader never panics and reports every
// problem at a place.
func FuzzReadTargets(f *testing.F) {
	f.Add("unit,year,target\n620622,2024,12.5\n")
	f.Add("unit,year,target\n620622,24,x\n620622,2024,1\n620622,2024,2\n")
	f.Fuzz(func(t *testing.T, text string) {
		tb, err := table.Read("t.csv", strings.NewReader(text))
		if err != nil {
			return
		}
		if _, err := ReadTargets(tb); err != nil && len(messages(err)) == 0 {
			t.Fatalf("error without located problems: %v", err)
		}
	})
}
