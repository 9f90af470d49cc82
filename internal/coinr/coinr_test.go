package coinr

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

func read(t testing.TB, name, text string) *table.Table {
	tb, err := table.Read(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

const meta = `Level,iCode,iName,Direction,Weight,Type,Parent,Denominator,Target
1,a,A,1,1,Indicator,P,pop,
1,b,B,-1,2,Indicator,P,,
2,P,Pillar,,1,Aggregate,,,
,grp,Group,,,Group,,,
,pop,Population,,,Denominator,,,
`

func TestReadPanel(t *testing.T) {
	m, err := ReadMeta(read(t, "m.csv", meta))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Groups) != 1 || len(m.Denoms) != 1 || len(m.Meta.Nodes) != 3 {
		t.Fatalf("meta %+v", m)
	}
	// Periods are sorted numerically (10 after 9), units kept in order.
	d, err := ReadData(m, read(t, "d.csv", "uCode,Time,grp,pop,a,b\nX,10,g,1,1,2\nY,9,g,2,,4\nX,9,h,3,5,6\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Periods) != 2 || d.Periods[0].Time != "9" || d.Periods[1].Time != "10" {
		t.Fatalf("periods %+v", d.Periods)
	}
	in := d.Periods[0].Input
	if got := strings.Join(in.Raw.Units, ","); got != "Y,X" {
		t.Errorf("units %s", got)
	}
	if !isNaN(in.Raw.Col("a")[0]) || in.Raw.Col("b")[1] != 6 || in.Denoms.Col("pop")[1] != 3 || in.Groups["grp"][1] != "h" {
		t.Errorf("values %v %v %v %v", in.Raw.Col("a"), in.Raw.Col("b"), in.Denoms.Col("pop"), in.Groups)
	}
	if d.Periods[0].line["X"] != 4 {
		t.Errorf("line of X in period 9: %d", d.Periods[0].line["X"])
	}
}

func isNaN(v float64) bool { return v != v }

func FuzzReadMetaData(f *testing.F) {
	f.Add(meta, "uCode,grp,pop,a,b\nX,g,1,1,2\n")
	f.Add("Level,iCode,iName,Direction,Weight,Type,Parent\n1,a,,1,1,Indicator,\n", "uCode,a\nX,1\nX,2\n")
	f.Fuzz(func(t *testing.T, mtext, dtext string) {
		mt, err := table.Read("m.csv", strings.NewReader(mtext))
		if err != nil {
			return
		}
		m, err := ReadMeta(mt)
		if err != nil {
			if m != nil {
				t.Fatal("meta returned with an error")
			}
			return
		}
		dt, err := table.Read("d.csv", strings.NewReader(dtext))
		if err != nil {
			return
		}
		d, err := ReadData(m, dt)
		if err != nil {
			return
		}
		for _, p := range d.Periods {
			if len(p.Input.Raw.Units) == 0 || len(p.Input.Raw.Cols) != len(m.Tree.Indicators) {
				t.Fatalf("period %q: %d units, %d columns", p.Time, len(p.Input.Raw.Units), len(p.Input.Raw.Cols))
			}
		}
	})
}
