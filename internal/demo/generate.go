package demo

import (
	"fmt"
	"math"
)

// Row is one county's row of the data file.
type Row struct {
	Code, Name, Prefecture string
	Type, Type2            string    // primary type; second type or ""
	Values                 []float64 // in the order of Indicators
}

// Value returns the row's value of the indicator code (NaN if unknown).
func (r Row) Value(code string) float64 {
	for i, ind := range Indicators() {
		if ind.Code == code {
			return r.Values[i]
		}
	}
	return math.NaN()
}

// Data is the generated sample data of one year: the 86 counties' rows, and
// for 2022 the events and the funds-in targets.
type Data struct {
	Year    int
	Rows    []Row
	Events  []Event
	Targets []Target
}

// Generate returns the sample data of year (2021 or 2022). The result
// depends only on Seed: two calls give identical data.
func Generate(year int) (*Data, error) {
	y := -1
	for i, yy := range years {
		if yy == year {
			y = i
		}
	}
	if y < 0 {
		return nil, fmt.Errorf("demo: no sample data for %d (only %d and %d)", year, years[0], years[1])
	}
	cs := Counties()
	lat, err := latent()
	if err != nil {
		return nil, err
	}
	v := panel(cs, lat)
	d := &Data{Year: year}
	inds := Indicators()
	for i, c := range cs {
		t1, t2 := CountyTypes(c.Code)
		row := Row{Code: c.Code, Name: c.Name, Prefecture: c.PrefectureName, Type: t1, Type2: t2, Values: make([]float64, len(inds))}
		for j, ind := range inds {
			row.Values[j] = v[ind.Code][y][i]
		}
		d.Rows = append(d.Rows, row)
	}
	if year == 2022 {
		d.Events = events2022()
	}
	d.Targets = targets(cs, v, y)
	return d, nil
}

// panel generates every indicator for both years from the counties'
// latent strengths lat (see economy). Both years come from one run so that they fit
// together: 2022's previous-year fiscal revenue and funds are 2021's, GDP
// grows by each county's nominal growth, incomes by their rates.
func panel(cs []County, lat latents) map[string]series {
	v := map[string]series{}
	for _, ind := range Indicators() {
		v[ind.Code] = newSeries(len(cs))
	}
	raw, base22 := make([]float64, len(cs)), make([]float64, len(cs))
	for i, c := range cs {
		for y, yy := range years {
			v["pop"][y][i] = population(c, yy)
			v["urbanisation"][y][i] = urbanisation(c, yy)
			v["gdp_growth"][y][i] = realGrowth(c, yy)
		}
		base22[i] = v["gdp_growth"][1][i]
		raw[i] = gdp2022Raw(c, v["pop"][1][i])
	}
	g22 := calibrateGDP2022(cs, raw)
	// 2021 is deflated with the model's growth: the latent strength moves
	// the published rate, not the levels.
	v["gdp"] = series{gdp2021(cs, g22, base22), g22}
	press := PressFigures()
	for i, c := range cs {
		for y := range years {
			if p, ok := press[c.Code]; ok && y == 1 && !math.IsNaN(p.Growth) {
				continue
			}
			v["gdp_growth"][y][i] = round(clamp(v["gdp_growth"][y][i]+2*lat[y][i], -5, 15), 1)
		}
	}
	economy(cs, v, lat)
	environment(cs, v, lat)
	return v
}

// Target is a county's target for an indicator (targets-2022.csv).
type Target struct {
	Code      string
	Indicator string
	Value     float64
	Note      string
}

// targets sets each county's target of year index y for funds from outside
// the province as the previous year's result plus a planned rise of 6–16 %,
// rounded to 0.1亿元 as plans are written; the generated results then fall
// on either side of it.
func targets(cs []County, v map[string]series, y int) []Target {
	out := make([]Target, len(cs))
	for i, c := range cs {
		key := "funds-target"
		if y == 0 {
			key = "funds-target-2021"
		}
		rise := 0.06 + 0.10*stream(c.Code, key).uniform()
		out[i] = Target{Code: c.Code, Indicator: "funds_in", Value: round(v["funds_in_prev"][y][i]*(1+rise), 1), Note: "示例数据"}
	}
	return out
}

// Values returns the indicator's column.
func (d *Data) Values(code string) []float64 {
	out := make([]float64, len(d.Rows))
	for i, r := range d.Rows {
		out[i] = r.Value(code)
	}
	return out
}
