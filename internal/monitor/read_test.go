package monitor

import (
	"errors"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func readCSV(t testing.TB, name, src string) *table.Table {
	t.Helper()
	tb, err := table.Read(name, strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// lines renders an error as its lines in English.
func lines(err error) string {
	var es table.Errors
	var e *table.Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &es):
		var out []string
		for _, x := range es {
			out = append(out, x.Format(locale.EN))
		}
		return strings.Join(out, "\n")
	case errors.As(err, &e):
		return e.Format(locale.EN)
	}
	return "unlocated: " + err.Error()
}

func TestReadFigures(t *testing.T) {
	src := "unit,note,period,indicator,growth,value\n" + // extra column, free order
		"620102,,2023-06,gdp,6.4,1080\n" +
		"620102,,2022-06,gdp,,1000\n" +
		"620103,,2023-M06,gdp,,\n" + // the store's code; value and growth missing
		"620000,,2023-Q2,gdp,6,NA\n" + // a quarter: cumulative to June
		"620102,,2023-05,gdp,,900\n"
	tb := readCSV(t, "d.csv", src)
	figs, err := ReadFigures(tb, func(p Period) bool { return p == jun23 || p == jun22 })
	if err != nil {
		t.Fatal(lines(err))
	}
	if len(figs) != 4 {
		t.Fatalf("%d figures, want 4 (May left out)", len(figs))
	}
	f := figs[0]
	if f.Unit != "620102" || f.Indicator != "gdp" || f.Period != jun23 || f.Value != 1080 || f.Growth != 6.4 {
		t.Errorf("first figure %+v", f)
	}
	if !near(figs[1].Growth, nan) || !near(figs[2].Value, nan) || figs[3].Period != jun23 {
		t.Errorf("figures %+v", figs)
	}
	t.Run("without a growth column", func(t *testing.T) {
		figs, err := ReadFigures(readCSV(t, "d.csv", "period,unit,indicator,value\n2023-06,620102,gdp,1\n"), nil)
		if err != nil || len(figs) != 1 || !near(figs[0].Growth, nan) {
			t.Errorf("%+v %v", figs, err)
		}
	})
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		read      func(*table.Table) error
		want      string
	}{
		{"figures: missing columns", "period,unit,growth\n2023-06,620102,1\n", figures,
			"d.csv:1: missing column \"indicator\"\nd.csv:1: missing column \"value\""},
		{"figures: each cell", "period,unit,indicator,value,growth\n" +
			"2023-6,620102,gdp,1,\n" + // line 2: bad period
			"2023-06,,gdp,1,\n" + // line 3: no unit
			"2023-06,620102, ,1,\n" + // line 4: no indicator
			"2023-06,620103,gdp,1.2.3,6.4%\n" + // line 5: two bad numbers
			"2023-06,620102,gdp,2,\n" + // line 6: fine
			"2023-06,620102,gdp,3,\n" + // line 7: duplicate of line 6
			"2023-M06,620102,gdp,3,\n" + // line 8: the same period written otherwise
			"2023-06,620000,gdp,3,\n" + // line 9: the province
			"2023-06,630000,gdp,3,\n" + // line 10: a second province
			"2023,620104,gdp,3,\n", // line 11: a year is not a month
			figures,
			"d.csv:2:1: the period should be YYYY-MM (2023-06 is January–June cumulative), found \"2023-6\"\n" +
				"d.csv:3:2: the unit code is empty\n" +
				"d.csv:4:3: the indicator is empty\n" +
				"d.csv:5:4: expected a number, found \"1.2.3\"\n" +
				"d.csv:5:5: expected a number, found \"6.4%\"\n" +
				"d.csv:7:2: unit 620102, indicator gdp, period 2023-06 is given twice (first on line 6)\n" +
				"d.csv:8:2: unit 620102, indicator gdp, period 2023-06 is given twice (first on line 6)\n" +
				"d.csv:10:2: a second province code 630000 (line 9 has 620000): one province per file\n" +
				"d.csv:11:1: the period should be YYYY-MM (2023-06 is January–June cumulative), found \"2023\""},
		{"targets: each cell", "year,unit,indicator,target,kind\n" +
			"23,620102,gdp,7,growth\n" + // line 2: bad year
			"2023,620102,gdp,,growth\n" + // line 3: empty target
			"2023,620102,inv,x,absolute\n" + // line 4: not a number
			"2023,620103,inv,5,total\n" + // line 5: bad kind
			"2023,620104,inv,5, Absolute \n" + // line 6: fine (case and spaces)
			"2023,620104,inv,6,absolute\n" + // line 7: duplicate
			"2022,620104,inv,6,absolute\n" + // line 8: another year, fine
			"2023,,inv,6,absolute\n", // line 9: no unit
			targets,
			"t.csv:2:1: the year should be a 4-digit integer, found \"23\"\n" +
				"t.csv:3:4: the target is empty\n" +
				"t.csv:4:4: expected a number, found \"x\"\n" +
				"t.csv:5:5: the target kind should be absolute or growth (a growth rate in percent), found \"total\"\n" +
				"t.csv:7:2: the 2023 target of unit 620104 for inv is given twice (first on line 6)\n" +
				"t.csv:9:2: the unit code is empty"},
		{"targets: missing column", "year,unit,indicator,target\n", targets, "t.csv:1: missing column \"kind\""},
		{"benchmark: each cell", "indicator,month,share\n" +
			"inv,13,0.5\n" + // line 2: bad month
			"inv,6,45\n" + // line 3: a percent, not a fraction
			"inv,7,\n" + // line 4: empty
			"inv,5,0.3\n" + // line 5: fine
			"inv,5,0.3\n" + // line 6: duplicate
			",4,0.2\n" + // line 7: no indicator
			"inv,1.5,0.1\n", // line 8: not an integer month
			shares,
			"b.csv:2:2: the month should be an integer from 1 to 12, found \"13\"\n" +
				"b.csv:3:3: the benchmark share should be a fraction between 0 and 1 (45 % is 0.45), found 45\n" +
				"b.csv:4:3: the benchmark share is empty\n" +
				"b.csv:6:1: the share of inv for month 5 is given twice (first on line 5)\n" +
				"b.csv:7:1: the indicator is empty\n" +
				"b.csv:8:2: the month should be an integer from 1 to 12, found \"1.5\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			name := map[string]string{"f": "d.csv", "t": "t.csv", "b": "b.csv"}[c.name[:1]]
			if got := lines(c.read(readCSV(t, name, c.src))); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func figures(t *table.Table) error { _, err := ReadFigures(t, nil); return err }
func targets(t *table.Table) error { _, err := ReadTargets(t); return err }
func shares(t *table.Table) error  { _, err := ReadShares(t); return err }

func TestReadErrorsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("period,unit,indicator,value\n")
	for range MaxErrors + 5 {
		b.WriteString("x,620102,gdp,1\n")
	}
	var es table.Errors
	if err := figures(readCSV(t, "d.csv", b.String())); !errors.As(err, &es) || len(es) != MaxErrors+1 {
		t.Fatalf("%d errors, want %d", len(es), MaxErrors+1)
	}
	if last := es[MaxErrors].Format(locale.EN); last != "d.csv: 5 more problems not listed" {
		t.Errorf("last line %q", last)
	}
}

func TestPeriodCellWorkbookDate(t *testing.T) {
	// Excel stores the date 2023-06-01 as 45078 (days since 1899-12-30).
	tb := &table.Table{File: "d.xlsx", Sheet: "数据"}
	for s, want := range map[string]Period{"45078": {2023, 6}, "45077": {2023, 5}, "2023-06": {2023, 6}} {
		if p, ok := periodCell(tb, s); !ok || p != want {
			t.Errorf("%s: %v %v, want %v", s, p, ok, want)
		}
	}
	if _, ok := periodCell(&table.Table{File: "d.csv"}, "45078"); ok {
		t.Error("a number in a CSV file read as a date")
	}
	if _, ok := periodCell(tb, "45078.5"); ok {
		t.Error("a fractional serial read as a date")
	}
}
