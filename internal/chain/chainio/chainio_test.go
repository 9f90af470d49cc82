package chainio

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// workbook writes the two sheets as a workbook and reads them back.
func workbook(t *testing.T, chainRows, nodeRows [][]any) (*table.Table, *table.Table) {
	t.Helper()
	var b bytes.Buffer
	if err := xlsx.Write(&b, []xlsx.Sheet{{Name: SheetChain, Rows: chainRows}, {Name: SheetNodes, Rows: nodeRows}}); err != nil {
		t.Fatal(err)
	}
	ct, err := xlsx.ReadTableFrom(bytes.NewReader(b.Bytes()), "图谱.xlsx", SheetChain)
	if err != nil {
		t.Fatal(err)
	}
	nt, err := xlsx.ReadTableFrom(bytes.NewReader(b.Bytes()), "图谱.xlsx", SheetNodes)
	if err != nil {
		t.Fatal(err)
	}
	return ct, nt
}

func TestRoundTrip(t *testing.T) {
	m := Meta{Code: "YS", Name: "有色金属（示例）", LeaderPost: "分管副省长", LeadDept: "工业和信息化厅"}
	c := &chain.Chain{Code: "YS", Rules: chain.Rules{MinLocal: 2, NeedPipeline: true, MinSupply: 0.3}, Nodes: []chain.Node{
		{Code: "N1", Name: "采选", Segment: chain.Upstream, Industries: []string{"B09"}},
		{Code: "N2", Name: "冶炼", Segment: chain.Midstream, Industries: []string{"C32", "C3216"}, Inputs: []string{"N1"}},
	}}
	cr, nr := Rows(m, c)
	ct, nt := workbook(t, cr, nr)
	gm, gc, err := Read(ct, nt)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(m, gm); d != "" {
		t.Errorf("meta (-want +got):\n%s", d)
	}
	if d := cmp.Diff(c, gc); d != "" {
		t.Errorf("chain (-want +got):\n%s", d)
	}
}

func TestReadErrors(t *testing.T) {
	head := toAny(ChainColumns)
	nodes := toAny(NodeColumns)
	ct, nt := workbook(t,
		[][]any{head, {"Y S", "", "", "", "-1", "可能", "30"}},
		[][]any{nodes,
			{"N1", "采选", "上游", "B09", ""},       // line 2: fine
			{"N1", "", "源头", "C3, C32", "N9"},   // line 3: repeated, no name, segment, C3, unknown input
			{"N3", "制品", "下游", "c32、C33", "N3"}, // line 4: C32 is N1's? no: line 3's; self input
		})
	_, _, err := Read(ct, nt)
	var got []string
	for _, e := range err.(table.Errors) {
		got = append(got, e.Format(locale.EN))
	}
	want := []string{
		`图谱.xlsx:产业链!A2: the chain code "Y S" must not contain '/', commas or spaces`,
		`图谱.xlsx:产业链!B2: must not be empty`,
		`图谱.xlsx:产业链!E2: must be a whole number ≥ 0, found "-1"`,
		`图谱.xlsx:产业链!F2: must be 是 or 否, found "可能"`,
		`图谱.xlsx:产业链!G2: must be a fraction between 0 and 1 (30% is 0.3), found "30"`,
		`图谱.xlsx:节点!A3: node code "N1" appears twice (already on line 2)`,
		`图谱.xlsx:节点!B3: must not be empty`,
		`图谱.xlsx:节点!C3: the segment must be 上游, 中游 or 下游, found "源头"`,
		`图谱.xlsx:节点!D3: "C3" is not a GB/T 4754 code (a section letter and 2 to 4 digits, e.g. C33)`,
		`图谱.xlsx:节点!E3: input "N9" is no other node of the chain`,
		`图谱.xlsx:节点!D4: industry code C32 already belongs to node N1`,
		`图谱.xlsx:节点!E4: input "N3" is no other node of the chain`,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
}

func TestReadCycle(t *testing.T) {
	ct, nt := workbook(t, [][]any{toAny(ChainColumns), {"YS", "有色", "", "", 1, "是", ""}},
		[][]any{toAny(NodeColumns), {"N1", "甲", "上游", "", "N2"}, {"N2", "乙", "中游", "", "N1"}})
	_, _, err := Read(ct, nt)
	if err == nil || !strings.Contains(err.Error(), "节点!E2: the inputs go round in a circle (through node N1)") {
		t.Errorf("cycle: %v", err)
	}
}

// FuzzRead: any pair of CSV tables reads without panicking, and a map read
// without errors is valid.
func FuzzRead(f *testing.F) {
	f.Add("链代码,链名称,链长职务,牵头部门,最少本地企业数,须有在谈项目,本地配套率下限\nYS,有色,,,1,是,0.3\n",
		"节点代码,节点名称,环节,行业代码,上游节点\nN1,甲,上游,B09,\nN2,乙,中游,C32,N1\n")
	f.Add("链代码\n", "节点代码,节点名称,环节,行业代码,上游节点\nN1,甲,上游,,N1\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		ct, err := table.Read("c.csv", strings.NewReader(a))
		if err != nil {
			return
		}
		nt, err := table.Read("n.csv", strings.NewReader(b))
		if err != nil {
			return
		}
		_, c, err := Read(ct, nt)
		if err == nil {
			if verr := c.Validate(); verr != nil {
				t.Errorf("Read accepted an invalid map: %v", verr)
			}
		}
	})
}
