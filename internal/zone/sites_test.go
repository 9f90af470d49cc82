package zone

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// TestReadSites reads testdata/sites.csv: GJ01 with land, floor and the
// three prices (dated, with a source); SJ05 land only; SJ06 floor only.
func TestReadSites(t *testing.T) {
	f, err := os.Open("testdata/sites.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := table.Read("sites.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadSites(tb)
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	want := []Site{
		{Zone: "GJ01", LandMu: 1200, FactoryM2: 50000, WaterPrice: 4.1, PowerPrice: 0.45, GasPrice: 2.9,
			PriceDate: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), Source: "园区管委会公布（示例）"},
		{Zone: "SJ05", LandMu: 300.5, FactoryM2: nan, WaterPrice: nan, PowerPrice: nan, GasPrice: nan, Note: "只报土地"},
		{Zone: "SJ06", LandMu: nan, FactoryM2: 8000, WaterPrice: nan, PowerPrice: nan, GasPrice: nan},
	}
	if d := cmp.Diff(want, got, cmpopts.EquateNaNs()); d != "" {
		t.Error(d)
	}
}

// TestReadSitesErrors: every problem, located (line = physical line,
// header 1; column = field number), nothing returned.
func TestReadSitesErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		want      []string
	}{
		{"no zone column", "land_mu\n1\n", []string{"s.csv:1: missing column \"zone\""}},
		{"negative, duplicate, bad day", "zone,land_mu,water_price,price_date,source\nA,-1,,,\nA,2,3.5,2025/6/30,局\n",
			[]string{"s.csv:2:2: land_mu cannot be negative, found -1", "s.csv:3:1: zone A appears twice",
				`s.csv:3:4: a day must be YYYY-MM-DD, found "2025/6/30"`}},
		{"price without source", "zone,power_price,price_date\nA,0.5,2025-01-01\n",
			[]string{"s.csv:2:2: utility prices need their day (price_date) and source"}},
		{"price without day", "zone,gas_price,source\nA,2.5,局\n",
			[]string{"s.csv:2:2: utility prices need their day (price_date) and source"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := table.Read("s.csv", strings.NewReader(c.csv))
			if err != nil {
				t.Fatal(err)
			}
			ss, err := ReadSites(tb)
			es, ok := err.(table.Errors)
			if !ok || ss != nil {
				t.Fatalf("got %v, %v; want located errors and no sites", ss, err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Format(locale.EN))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Error(d)
			}
		})
	}
}

// FuzzReadSites: any table reads without panicking, and what it accepts
// passes Check.
func FuzzReadSites(f *testing.F) {
	f.Add("zone,land_mu,factory_m2,water_price,power_price,gas_price,price_date,source\nA,1,2,3,4,5,2025-01-01,x\n")
	f.Add("zone,gas_price\nA,-0\n")
	f.Fuzz(func(t *testing.T, s string) {
		tb, err := table.Read("f.csv", strings.NewReader(s))
		if err != nil {
			return
		}
		ss, err := ReadSites(tb)
		if err != nil {
			return
		}
		for _, x := range ss {
			if p := x.Check(); len(p) > 0 {
				t.Errorf("accepted %+v with problems %v", x, p)
			}
		}
	})
}
