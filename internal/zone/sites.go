package zone

import (
	"math"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Site is a zone's ready sites for investors (招商地图, issue 20 item 6):
// industrial land available (亩), standard factory floor available (m²)
// and the utility prices industry pays — water 元/吨, electricity 元/千瓦时,
// gas 元/立方米 — as of PriceDate, with the Source they were read from.
// Unknown numbers are NaN, an unknown day zero. Example marks generated
// demo figures (示例).
type Site struct {
	Zone       string
	LandMu     float64
	FactoryM2  float64
	WaterPrice float64
	PowerPrice float64
	GasPrice   float64
	PriceDate  time.Time
	Source     string
	Note       string
	Example    bool
}

// siteNumbers are the number columns of a sites table, in order.
var siteNumbers = []string{"land_mu", "factory_m2", "water_price", "power_price", "gas_price"}

// Check returns what is wrong with s: no zone, a negative number, prices
// without their day or source.
func (s Site) Check() []locale.Message {
	var out []locale.Message
	if strings.TrimSpace(s.Zone) == "" {
		out = append(out, locale.M("zone.empty", "zone"))
	}
	for i, v := range []float64{s.LandMu, s.FactoryM2, s.WaterPrice, s.PowerPrice, s.GasPrice} {
		if v < 0 || math.IsInf(v, 0) {
			out = append(out, locale.M("zone.site.negative", siteNumbers[i], v))
		}
	}
	if s.HasPrices() && (s.PriceDate.IsZero() || strings.TrimSpace(s.Source) == "") {
		out = append(out, locale.M("zone.site.priceSource"))
	}
	return out
}

// HasPrices reports whether s gives any utility price.
func (s Site) HasPrices() bool {
	return !math.IsNaN(s.WaterPrice) || !math.IsNaN(s.PowerPrice) || !math.IsNaN(s.GasPrice)
}

// ReadSites reads a sites table: zone, then any of land_mu, factory_m2,
// water_price, power_price, gas_price (empty = not reported), price_date
// (YYYY-MM-DD), source, note. Prices need their day and source; a zone
// appears once. Every problem is returned as located errors.
func ReadSites(t *table.Table) ([]Site, error) {
	var errs table.Errors
	col := columns(t, []string{"zone"}, append(append([]string{}, siteNumbers...), "price_date", "source", "note"), &errs)
	if len(errs) > 0 {
		return nil, errs
	}
	seen := map[string]bool{}
	var out []Site
	for i, row := range t.Rows {
		cell := func(name string) string {
			if c := col[name]; c >= 0 {
				return strings.TrimSpace(row[c])
			}
			return ""
		}
		num := func(name string) float64 {
			if c := col[name]; c >= 0 && cell(name) != "" {
				return t.Number(i, c, &errs)
			}
			return math.NaN()
		}
		s := Site{Zone: cell("zone"), LandMu: num("land_mu"), FactoryM2: num("factory_m2"), WaterPrice: num("water_price"),
			PowerPrice: num("power_price"), GasPrice: num("gas_price"), Source: cell("source"), Note: cell("note")}
		if d := cell("price_date"); d != "" {
			day, err := time.Parse(time.DateOnly, d)
			if err != nil {
				errs = append(errs, t.Errorf(i, col["price_date"], locale.M("zone.site.date", d)))
			}
			s.PriceDate = day
		}
		switch {
		case s.Zone == "":
			errs = append(errs, t.Errorf(i, col["zone"], locale.M("zone.empty", "zone")))
		case seen[s.Zone]:
			errs = append(errs, t.Errorf(i, col["zone"], locale.M("zone.site.dup", s.Zone)))
		}
		seen[s.Zone] = true
		for k, name := range siteNumbers {
			if v := []float64{s.LandMu, s.FactoryM2, s.WaterPrice, s.PowerPrice, s.GasPrice}[k]; v < 0 {
				errs = append(errs, t.Errorf(i, col[name], locale.M("zone.site.negative", name, v)))
			}
		}
		if s.HasPrices() && (cell("price_date") == "" || s.Source == "") {
			c := col["price_date"]
			if cell("price_date") != "" {
				c = col["source"]
			}
			for _, name := range siteNumbers[2:] { // no such column: the first price given
				if c < 0 && cell(name) != "" {
					c = col[name]
				}
			}
			errs = append(errs, t.Errorf(i, c, locale.M("zone.site.priceSource")))
		}
		out = append(out, s)
	}
	if len(errs) > 0 {
		return nil, sortErrors(errs)
	}
	return out, nil
}

func init() {
	locale.Register(map[string][2]string{
		"zone.site.negative":    {"%s 不能为负数，实际为 %v", "%s cannot be negative, found %v"},
		"zone.site.priceSource": {"填写了水电气价格，须同时填写价格日期（price_date）和来源（source）", "utility prices need their day (price_date) and source"},
		"zone.site.date":        {"日期应为 YYYY-MM-DD，实际为 %q", "a day must be YYYY-MM-DD, found %q"},
		"zone.site.dup":         {"开发区 %s 出现两次", "zone %s appears twice"},
	})
}
