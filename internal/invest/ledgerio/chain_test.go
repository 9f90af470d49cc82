package ledgerio

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The optional 行业代码 and 产业链节点 columns (issue 20): read when present,
// absent from the older tables, which read as before.
func TestReadIndustryAndNode(t *testing.T) {
	funds := "项目编号,月份,金额,资金来源,凭证\n"
	t.Run("read", func(t *testing.T) {
		projects := projectsHead + ",行业代码,产业链节点\n" +
			"P1,甲,620622,某,,HK,,,,,,,,,,c3311,\n" + // lower case is taken in capitals
			"P2,乙,620622,某,,HK,,,,,,,,,,,YS/N3\n"
		l, err := ReadLedger(mustTable(t, "p.csv", projects), mustTable(t, "f.csv", funds))
		if err != nil {
			t.Fatal(err)
		}
		got := [][2]string{{l.Projects[0].Industry, l.Projects[0].ChainNode}, {l.Projects[1].Industry, l.Projects[1].ChainNode}}
		if d := cmp.Diff([][2]string{{"C3311", ""}, {"", "YS/N3"}}, got); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
	t.Run("errors", func(t *testing.T) {
		projects := "产业链节点," + projectsHead + ",行业代码\n" +
			"YS,P1,甲,620622,某,,HK,,,,,,,,,,C3\n" + // line 2: no node; a division needs 2 digits
			"YS/N3/x,P2,乙,620622,某,,HK,,,,,,,,,,3311\n" // line 3
		_, err := ReadLedger(mustTable(t, "p.csv", projects), mustTable(t, "f.csv", funds))
		want := []string{
			"p.csv:2:1: 产业链节点 must be written chain code/node code, found \"YS\"",
			"p.csv:2:17: 行业代码 must be a GB/T 4754 code (a section letter and 2 to 4 digits, e.g. C3311), found \"C3\"",
			"p.csv:3:1: 产业链节点 must be written chain code/node code, found \"YS/N3/x\"",
			"p.csv:3:17: 行业代码 must be a GB/T 4754 code (a section letter and 2 to 4 digits, e.g. C3311), found \"3311\"",
		}
		if d := cmp.Diff(want, messages(err)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
}
