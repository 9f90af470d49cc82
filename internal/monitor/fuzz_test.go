package monitor

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// FuzzReaders feeds arbitrary CSV (read as a file, or as a workbook sheet
// when sheet is set) to the three readers: they must never panic, every
// error must be located in the file, and what they return must be well
// formed; the table computed from the figures must hold one row per
// non-province unit and indicator of the period.
func FuzzReaders(f *testing.F) {
	f.Add([]byte("period,unit,indicator,value,growth\n2023-06,620102,gdp,1080,6.4\n2022-06,620102,gdp,1000,\n2023-06,620000,gdp,5,\n"), false)
	f.Add([]byte("period,unit,indicator,value\n45078,620102,gdp,1\n2023-06,620102,gdp,2\n"), true)
	f.Add([]byte("year,unit,indicator,target,kind\n2023,620102,gdp,7,growth\n2023,620100,inv,5,absolute\n"), false)
	f.Add([]byte("indicator,month,share\ninv,6,0.4\ninv,6,2\n"), false)
	f.Add([]byte("\xef\xbb\xbfperiod,unit,indicator,value\n\"2023-06\",\"a\nb\",x,NA\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, sheet bool) {
		tb, err := table.Read("f.csv", bytes.NewReader(data))
		if err != nil {
			return // table's own fuzzing covers it
		}
		if sheet {
			tb.Sheet = "数据"
		}
		located := func(err error) {
			var es table.Errors
			var e *table.Error
			switch {
			case errors.As(err, &es):
				for _, x := range es {
					if x.File != "f.csv" {
						t.Errorf("error names %q", x.File)
					}
				}
			case errors.As(err, &e):
				if e.File != "f.csv" {
					t.Errorf("error names %q", e.File)
				}
			default:
				t.Errorf("unlocated error %T %v", err, err)
			}
		}
		figs, err := ReadFigures(tb, nil)
		if err != nil {
			located(err)
		}
		keys := map[[3]string]bool{}
		for _, g := range figs {
			k := [3]string{g.Period.String(), g.Unit, g.Indicator}
			if g.Unit == "" || g.Indicator == "" || g.Period.Month < 1 || g.Period.Month > 12 || keys[k] ||
				math.IsInf(g.Value, 0) || math.IsInf(g.Growth, 0) {
				t.Errorf("bad figure %+v", g)
			}
			keys[k] = true
		}
		if len(figs) > 0 {
			p := figs[0].Period
			want := map[[2]string]bool{}
			for _, g := range figs {
				if g.Period == p && !IsProvince(g.Unit) {
					want[[2]string{g.Unit, g.Indicator}] = true
				}
			}
			rows := Compute(Input{Period: p, Figures: figs})
			if len(rows) != len(want) {
				t.Errorf("%d rows for %d unit × indicator pairs", len(rows), len(want))
			}
			for _, r := range rows {
				if !want[[2]string{r.Unit, r.Indicator}] || (r.Light != None && math.IsNaN(r.Growth)) {
					t.Errorf("bad row %+v", r)
				}
			}
		}
		ts, err := ReadTargets(tb)
		if err != nil {
			located(err)
		}
		for _, x := range ts {
			if (x.Kind != Absolute && x.Kind != Growth) || math.IsNaN(x.Value) || x.Unit == "" {
				t.Errorf("bad target %+v", x)
			}
		}
		CheckDecomposition(ts)
		sh, err := ReadShares(tb)
		if err != nil {
			located(err)
		}
		for k, s := range sh {
			if k.Month < 1 || k.Month > 12 || !(s >= 0 && s <= 1) {
				t.Errorf("bad share %v %v", k, s)
			}
		}
	})
}
