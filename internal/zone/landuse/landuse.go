// Package landuse computes the land-use figures of development zones as
// the 自然资源部's yearly 开发区土地集约利用评价 defines them (TD/T 1029
// 开发区土地集约利用评价规程, as we understand it): development, supply
// and completion rates, plot ratios, investment intensity, tax per
// hectare, the idle rate and the disposal rates of 批而未供 and idle land.
// It is pure: a table in, figures out.
//
// Where we are not sure of the 规程's letter: the 批而未供 figures are meant
// as the land approved for construction in the evaluation's window (the
// past five years in recent rounds) and not supplied, and the disposal
// rates take whatever stock the table gives as their denominator (the
// stock at the start of the year, or everything identified): the caller
// chooses by the figures it supplies; 工业用地 follows the 规程's
// 工业（物流仓储）用地 when the figures include storage; and the 规程 states
// 投入强度 and 地均税收 per 公顷 of 已建成 land, as here.
package landuse

import "math"

// Land is one zone's land figures for a year. Areas are in 公顷 (ha),
// floor areas in 万平方米 (10⁴ m², the same unit as ha, so that a plot ratio
// needs no factor), money in 万元. A figure not given is NaN.
type Land struct {
	Zone string
	Year string // as read; "" when the table has no year column

	Total              float64 // 开发区土地总面积: the zone's approved area
	Available          float64 // 已达到供地条件的土地面积 (acquired, serviced, ready to supply)
	Supplied           float64 // 已供应国有建设用地面积
	Built              float64 // 已建成城镇建设用地面积
	FloorArea          float64 // 总建筑面积 on the built land
	IndustrialBuilt    float64 // 已建成工业（仓储）用地面积
	IndustrialFloor    float64 // 工业用地上的总建筑面积
	IndustrialInvest   float64 // 工业企业累计固定资产投资总额
	Tax                float64 // 税收总额 of the zone
	IndustrialTax      float64 // 工业企业税收总额
	Unsupplied         float64 // 批而未供土地面积: approved for construction but not yet supplied
	UnsuppliedDisposed float64 // of which disposed of (supplied, returned or re-planned) this year
	Idle               float64 // 闲置土地面积 (supplied but not developed in time)
	IdleDisposed       float64 // of which disposed of
}

// Rates are the figures computed from a zone's Land; NaN where undefined
// (a figure missing or a zero denominator). Rates are fractions.
type Rates struct {
	DevelopmentRate        float64 // 土地开发率 = Available / Total
	SupplyRate             float64 // 土地供应率 = Supplied / Available
	BuiltRate              float64 // 土地建成率 = Built / Supplied
	PlotRatio              float64 // 综合容积率 = FloorArea / Built
	IndustrialPlotRatio    float64 // 工业用地综合容积率 = IndustrialFloor / IndustrialBuilt
	InvestmentIntensity    float64 // 工业用地固定资产投入强度 = IndustrialInvest / IndustrialBuilt (万元/公顷)
	TaxPerHa               float64 // 综合地均税收 = Tax / Built (万元/公顷)
	IndustrialTaxPerHa     float64 // 工业用地地均税收 = IndustrialTax / IndustrialBuilt (万元/公顷)
	IdleRate               float64 // 土地闲置率 = Idle / Supplied
	UnsuppliedDisposalRate float64 // 批而未供土地处置率 = UnsuppliedDisposed / Unsupplied
	IdleDisposalRate       float64 // 闲置土地处置率 = IdleDisposed / Idle
}

// Compute returns the rates of l. The brief's "土地开发率 = built /
// supplied" is what the 规程 calls 土地建成率 (BuiltRate); its 土地开发率 is
// the share of the zone ready for supply (DevelopmentRate). Both are
// given.
func Compute(l *Land) Rates {
	return Rates{
		DevelopmentRate:        ratio(l.Available, l.Total),
		SupplyRate:             ratio(l.Supplied, l.Available),
		BuiltRate:              ratio(l.Built, l.Supplied),
		PlotRatio:              ratio(l.FloorArea, l.Built),
		IndustrialPlotRatio:    ratio(l.IndustrialFloor, l.IndustrialBuilt),
		InvestmentIntensity:    ratio(l.IndustrialInvest, l.IndustrialBuilt),
		TaxPerHa:               ratio(l.Tax, l.Built),
		IndustrialTaxPerHa:     ratio(l.IndustrialTax, l.IndustrialBuilt),
		IdleRate:               ratio(l.Idle, l.Supplied),
		UnsuppliedDisposalRate: ratio(l.UnsuppliedDisposed, l.Unsupplied),
		IdleDisposalRate:       ratio(l.IdleDisposed, l.Idle),
	}
}

// Columns are the output names of Rates' fields, in their order.
var Columns = []string{"development_rate", "supply_rate", "built_rate", "plot_ratio", "industrial_plot_ratio",
	"investment_intensity", "tax_per_ha", "industrial_tax_per_ha", "idle_rate", "unsupplied_disposal_rate", "idle_disposal_rate"}

// Values returns r's fields in the order of Columns.
func (r Rates) Values() []float64 {
	return []float64{r.DevelopmentRate, r.SupplyRate, r.BuiltRate, r.PlotRatio, r.IndustrialPlotRatio,
		r.InvestmentIntensity, r.TaxPerHa, r.IndustrialTaxPerHa, r.IdleRate, r.UnsuppliedDisposalRate, r.IdleDisposalRate}
}

// Indicators returns the rates as indicator values for a zone method:
// zone → "land_" + column → value (NaN where undefined). With several
// years of one zone the last one in lands wins.
func Indicators(lands []Land) map[string]map[string]float64 {
	m := make(map[string]map[string]float64, len(lands))
	for i := range lands {
		v := map[string]float64{}
		for k, x := range Compute(&lands[i]).Values() {
			v["land_"+Columns[k]] = x
		}
		m[lands[i].Zone] = v
	}
	return m
}

func ratio(a, b float64) float64 {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return math.NaN()
	}
	return a / b
}
