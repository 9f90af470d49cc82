package demo

import (
	"math"
	"strconv"
)

// Indicator is an indicator column of the demo data.
type Indicator struct {
	Code     string
	Name     string
	Unit     string
	Dept     string // providing department
	Decimals int    // as the statistical tables print it
}

// Indicators returns the indicator columns in the order of the data files
// (the contract in notes/gansu-demo.md).
func Indicators() []Indicator {
	return []Indicator{
		{"gdp", "地区生产总值", "亿元", "统计局", 2},
		{"gdp_growth", "地区生产总值增速", "%", "统计局", 1},
		{"pop", "年末常住人口", "万人", "统计局", 2},
		{"fiscal_rev", "一般公共预算收入", "亿元", "财政厅", 2},
		{"fiscal_rev_prev", "上年一般公共预算收入", "亿元", "财政厅", 2},
		{"ind_growth", "规模以上工业增加值增速", "%", "统计局", 1},
		{"fai_growth", "固定资产投资增速", "%", "统计局", 1},
		{"retail", "社会消费品零售总额", "亿元", "商务厅", 2},
		{"tourism_rev", "旅游综合收入", "亿元", "文化和旅游厅", 2},
		{"agri_output", "农林牧渔业总产值", "亿元", "统计局", 2},
		{"grain", "粮食产量", "万吨", "农业农村厅", 2},
		{"funds_in", "省外到位资金", "亿元", "商务厅", 2},
		{"export", "进出口总额", "亿元", "商务厅", 2},
		{"urban_income", "城镇居民人均可支配收入", "元", "国家统计局甘肃调查总队", 0},
		{"rural_income", "农村居民人均可支配收入", "元", "国家统计局甘肃调查总队", 0},
		{"rural_income_growth", "农村居民人均可支配收入增速", "%", "国家统计局甘肃调查总队", 1},
		{"urbanisation", "常住人口城镇化率", "%", "统计局", 1},
		{"energy_decline", "单位地区生产总值能耗降低率", "%", "发展改革委", 1},
		{"air_quality", "空气质量优良天数比例", "%", "生态环境厅", 1},
		{"forest", "森林覆盖率", "%", "林业和草原局", 1},
		{"debt_ratio", "政府债务率", "%", "财政厅", 1},
		{"new_entities", "新增市场主体", "户", "市场监管局", 0},
		{"review", "观摩评议得分", "分", "省县域经济办", 1},
		{"satisfaction", "群众满意度", "分", "统计局", 1},
		{"ind_share", "规模以上工业增加值占地区生产总值比重", "%", "统计局", 1},
		{"new_firms", "新增规上工业企业和四上企业", "个", "统计局", 0},
		{"ind_invest_growth", "工业投资增速", "%", "统计局", 1},
		{"funds_in_prev", "上年省外到位资金", "亿元", "商务厅", 2},
		{"tax_share", "税收收入占一般公共预算收入比重", "%", "财政厅", 1},
	}
}

// series is one indicator for both years: [0] is 2021, [1] 2022, one value
// per county in code order.
type series [2][]float64

func newSeries(n int) series { return series{make([]float64, n), make([]float64, n)} }

var years = [2]int{2021, 2022}

func itoa(i int) string { return strconv.Itoa(i) }

// lognormal returns exp(N(0, sd)) from the stream of key.
func lognormal(sd float64, key ...string) float64 { return math.Exp(draw(0, sd, key...)) }

// typeShift adds primary for the primary type t and second for it as the
// second type.
func typeShift(code, t string, primary, second float64) float64 {
	t1, t2 := CountyTypes(code)
	switch t {
	case t1:
		return primary
	case t2:
		return second
	}
	return 0
}

// hexi reports whether the prefecture lies in the Hexi corridor, whose
// irrigated oases make farming (and rural incomes) richer than elsewhere.
func hexi(prefecture string) bool {
	switch prefecture {
	case "620300", "620600", "620700", "620900":
		return true
	}
	return false
}

// population returns the year-end population (万人, 2 decimals): the 2020
// census carried forward at half the county's 2010–2020 trend, which slowed
// after the census.
func population(c County, y int) float64 {
	r := math.Pow(float64(c.Pop2020)/float64(c.Pop2010), 0.1) - 1
	r = clamp(r, -0.02, 0.02) / 2
	return round(float64(c.Pop2020)*math.Pow(1+r, float64(y-2020))/1e4, 2)
}

// urbanisation returns the urban share of the population (%, 1 decimal):
// the census share plus a yearly gain, largest half-way through
// urbanisation.
func urbanisation(c County, y int) float64 {
	u := c.UrbanShare()
	gain := clamp(draw(0.8+0.8*4*u*(1-u), 0.15, c.Code, "urban-gain"), 0.2, 2)
	return round(math.Min(100, 100*u+gain*float64(y-2020)), 1)
}

// economy fills the indicators that scale with the economy. Levels are
// built for 2021 from GDP and county traits, and carried to 2022 with a
// growth draw, so that a county keeps its profile from year to year; where
// a rate and two levels are all columns (rural income and its growth) the
// levels follow from the rate.
//
// lat[0] and lat[1] are each county's latent strength in 2021 and 2022 (0
// = the model alone; see calibrate.go): it raises the county's growth
// rates, its funds from outside the province and its panel score, the
// figures a county moves in a year. lat[2] is its lasting strength: it
// raises the levels a county keeps from year to year (revenue, sales,
// output, firms, incomes) against the others of its size.
func economy(cs []County, v map[string]series, lat latents) {
	gdp := v["gdp"]
	for i, c := range cs {
		k := c.Code
		u := c.UrbanShare()
		st := math.Exp(0.15 * lat[2][i])       // lasting strength on levels
		pc := gdp[1][i] * 1e4 / v["pop"][1][i] // 元/人
		lpc := math.Log(pc / 40000)
		rural := math.Max(float64(c.RuralPop2020), 3000) / 1e4

		// General budget revenue: 4–9 % of GDP, more in towns and industry.
		ratio := 0.05 * math.Exp(0.8*(u-0.45)+typeShift(k, Industry, 0.2, 0.1)+draw(0, 0.2, k, "fiscal"))
		f21 := gdp[0][i] * clamp(ratio*st, 0.02, 0.15)
		f22 := f21 * (1 + clamp(draw(0.04, 0.10, k, "fiscal-22"), -0.3, 0.4)) // 2022: VAT refunds
		f20 := f21 / (1 + clamp(draw(0.09, 0.07, k, "fiscal-21"), -0.2, 0.4))
		set(v, "fiscal_rev", i, round(f21, 2), round(f22, 2))
		set(v, "fiscal_rev_prev", i, round(f20, 2), round(f21, 2))

		for y := range years {
			ys := itoa(years[y])
			mean := [2]float64{8.0, 5.5}[y] + typeShift(k, Industry, 2.5, 1.5)
			l := lat[y][i]
			v["ind_growth"][y][i] = round(clamp(draw(mean, 3, k, "ind", ys)+5*l, -20, 30), 1)
			v["fai_growth"][y][i] = round(clamp(draw([2]float64{10.5, 9.0}[y], 5, k, "fai", ys)+7*l, -35, 45), 1)
			v["ind_invest_growth"][y][i] = round(clamp(draw([2]float64{12, 10}[y], 6, k, "ind-invest", ys)+10*l, -40, 60), 1)
		}

		// Industry's share of GDP: high in the industrial districts and the
		// resource prefectures, rising in 2022 with energy prices.
		is21 := 12 * math.Exp(typeShift(k, Industry, 1.0, 0.5)+typeShift(k, Urban, 0.2, 0.1)-typeShift(k, Tourism, 0.3, 0.1)+
			industryPref[c.PrefectureCode]+draw(0, 0.25, k, "ind-share"))
		is21 = clamp(is21, 2, 65)
		set(v, "ind_share", i, round(is21, 1), round(clamp(is21+draw(0.8, 1, k, "ind-share-22"), 2, 70), 1))
		// New above-scale industrial and 四上 firms: about one per 12亿元 of GDP.
		for y := range years {
			n := gdp[y][i] / 12 * st * math.Exp(typeShift(k, Industry, 0.3, 0.15)+draw(0, 0.35, k, "firms", itoa(years[y])))
			v["new_firms"][y][i] = math.Round(n)
		}
		// Taxes are most of the budget revenue, less where land sales and
		// fees fill it; 2022's VAT refunds lowered the share.
		ts21 := clamp(draw(70, 6, k, "tax-share")+typeShift(k, Industry, 5, 2)+typeShift(k, Urban, 3, 1), 45, 92)
		set(v, "tax_share", i, round(ts21, 1), round(clamp(ts21+draw(-4, 2.5, k, "tax-share-22"), 40, 90), 1))

		// Retail sales: about a third of GDP, more in service towns.
		share := 0.30 * math.Exp(0.6*(u-0.45)+typeShift(k, Urban, 0.15, 0.08)-typeShift(k, Industry, 0.2, 0.1)+draw(0, 0.15, k, "retail"))
		r21 := gdp[0][i] * share * st
		set(v, "retail", i, round(r21, 2), round(r21*(1+draw(-0.01, 0.03, k, "retail-22")), 2))

		// Tourism: people times attraction; 2022 lost about a third to the epidemic.
		attr := typeShift(k, Tourism, 1.3, 0.7) + typeShift(k, Urban, 0.4, 0.2) + typeShift(k, Ecology, 0.2, 0.1)
		t21 := v["pop"][0][i] * 0.5 * math.Exp(attr) * lognormal(0.35, k, "tourism") * st
		set(v, "tourism_rev", i, round(t21, 2), round(t21*math.Exp(draw(math.Log(0.7), 0.1, k, "tourism-22")), 2))

		// Farming scales with the rural population; richer in the Hexi oases,
		// pastoral in 甘南.
		farm := typeShift(k, Agriculture, 0.35, 0.2) - typeShift(k, Urban, 0.3, 0.1)
		switch {
		case k == "620621":
			// 民勤: the oasis at the desert's edge farms on a water quota
			// (关井压田) and gets no Hexi bonus.
		case hexi(c.PrefectureCode):
			farm += 0.45
		}
		a21 := rural * 1.6 * math.Exp(farm+draw(0, 0.2, k, "agri")) * st
		set(v, "agri_output", i, round(a21, 2), round(a21*(1+draw(0.055, 0.02, k, "agri-22")), 2))
		grain := farm - typeShift(k, Tourism, 0.2, 0.1) - typeShift(k, Ecology, 0.2, 0.1)
		switch c.PrefectureCode {
		case "623000":
			grain -= 1.5 // grassland
		case "621200":
			grain -= 0.3 // mountains
		case "621100":
			grain += 0.1 // potatoes count as grain
		}
		g21 := rural * 0.83 * math.Exp(grain+draw(0, 0.2, k, "grain")) * st
		set(v, "grain", i, round(g21, 2), round(g21*(1+draw(0.025, 0.03, k, "grain-22")), 2))

		// Funds from outside the province: about a quarter of GDP, carried
		// from 2020 by each year's growth (2022's previous-year funds are
		// 2021's).
		fi21 := gdp[0][i] * 0.25 * math.Exp(draw(0, 0.35, k, "funds")+typeShift(k, Industry, 0.2, 0.1))
		fi20 := round(fi21/(1+clamp(draw(0.10, 0.06, k, "funds-21"), -0.1, 0.3)), 2)
		fi21 = round(fi20*(1+clamp(draw(0.10, 0.06, k, "funds-21")+0.09*lat[0][i], -0.3, 0.6)), 2)
		fi22 := round(fi21*(1+clamp(draw(0.10, 0.06, k, "funds-22")+0.09*lat[1][i], -0.3, 0.6)), 2)
		set(v, "funds_in", i, fi21, fi22)
		set(v, "funds_in_prev", i, fi20, fi21)

		// Trade is concentrated in a few industrial districts.
		ex := -4.8 + draw(0, 0.9, k, "export") + typeShift(k, Industry, 0.8, 0.4) + exportBoost[k]
		e21 := math.Max(gdp[0][i]*math.Exp(ex)*st, 0.01)
		set(v, "export", i, round(e21, 2), round(math.Max(e21*math.Exp(draw(0.1, 0.25, k, "export-22")), 0.01), 2))

		// Incomes rise with urbanisation and output per head; rural incomes
		// are far higher in Hexi.
		inc := prefIncome[c.PrefectureCode]
		ui22 := 36000 * math.Exp(0.25*(u-0.45)+0.15*lpc+inc+draw(0, 0.04, k, "urban-income")+0.02*lat[2][i])
		set(v, "urban_income", i, math.Round(ui22/(1+draw(0.05, 0.008, k, "urban-income-22"))), math.Round(ui22))
		rinc := inc
		if hexi(c.PrefectureCode) {
			rinc += 0.4
		}
		ri22 := 12000 * math.Exp(0.35*(u-0.45)+0.1*lpc+rinc+draw(0, 0.06, k, "rural-income")+0.03*lat[2][i])
		rg22 := round(clamp(draw(7.6, 0.7, k, "rural-growth-22"), 4, 11), 1)
		rg21 := round(clamp(draw(10.6, 0.8, k, "rural-growth-21"), 6, 14), 1)
		ri21 := math.Round(ri22 / (1 + rg22/100))
		set(v, "rural_income", i, ri21, math.Round(ri21*(1+rg22/100)))
		set(v, "rural_income_growth", i, rg21, rg22)

		// Debt ratio: lower where output per head is higher.
		d21 := clamp(120*math.Exp(draw(0, 0.3, k, "debt")-0.2*lpc-0.1*lat[2][i]), 40, 290)
		set(v, "debt_ratio", i, round(d21, 1), round(clamp(d21*math.Exp(draw(0.05, 0.08, k, "debt-22")), 40, 300), 1))

		// New market entities: about 1 % of the population a year, more in towns.
		n21 := float64(c.Pop2020) * 0.011 * math.Exp(0.6*(u-0.45)+draw(0, 0.2, k, "entities")) * st
		set(v, "new_entities", i, math.Round(n21), math.Round(n21*math.Exp(draw(-0.05, 0.12, k, "entities-22"))))
	}
}

// environment fills the indicators of land, air and energy, and the panel
// scores.
func environment(cs []County, v map[string]series, lat latents) {
	for i, c := range cs {
		k := c.Code
		f21 := forestBase[c.PrefectureCode] * lognormal(0.35, k, "forest") * math.Exp(typeShift(k, Ecology, 0.3, 0.2))
		f21 = clamp(f21, 0.5, 70)
		set(v, "forest", i, round(f21, 1), round(f21+0.1+0.3*stream(k, "forest-22").uniform(), 1))
		for y := range years {
			ys := itoa(years[y])
			sd := 2.2 + typeShift(k, Industry, 1.3, 0.6)
			// Never below −0.9: the method's 能耗双控 veto (below −1) would
			// accuse a real county of an invented failure.
			v["energy_decline"][y][i] = round(clamp(draw(2.8-typeShift(k, Industry, 0.5, 0.2)+lat[2][i], sd, k, "energy", ys), -0.9, 10), 1)
			air := airBase[c.PrefectureCode] + [2]float64{0, -0.5}[y] + typeShift(k, Ecology, 1.5, 0.8) - typeShift(k, Industry, 1.5, 0.8)
			v["air_quality"][y][i] = round(clamp(draw(air, 2, k, "air", ys), 70, 100), 1)
			// The panel rewards visible growth a little.
			z := (v["gdp_growth"][y][i] - [2]float64{6.8, 4.6}[y]) / 1.6
			v["review"][y][i] = round(clamp(draw(82+1.5*z, 3, k, "review", ys)+5*lat[y][i], 60, 99), 1)
			v["satisfaction"][y][i] = round(clamp(draw(88, 3, k, "satisfaction", ys), 75, 98), 1)
		}
	}
}

func set(v map[string]series, code string, i int, y21, y22 float64) {
	v[code][0][i], v[code][1][i] = y21, y22
}

// exportBoost marks the few units whose plants import raw materials on a
// large scale: 金川 (nickel and copper ore), 西固 (crude oil), 白银
// (non-ferrous metals), and the provincial capital's trading firms.
var exportBoost = map[string]float64{"620302": 3.0, "620104": 2.2, "620402": 1.5, "620102": 0.8}

// industryPref shifts the log industrial share by prefecture: nickel in
// 金昌, oil in 酒泉 and 庆阳, metals and coal in 白银.
var industryPref = map[string]float64{
	"620300": 0.6, "620900": 0.3, "621000": 0.3, "620400": 0.2, "621100": -0.3, "621200": -0.2, "622900": -0.3, "623000": -0.4,
}

// prefIncome shifts log incomes by prefecture.
var prefIncome = map[string]float64{
	"620100": 0.10, "620300": 0.10, "620900": 0.10, "621100": -0.05, "621200": -0.05, "622900": -0.08, "623000": -0.03,
}

// forestBase is a typical forest cover (%) of the prefecture's counties: the
// forested south-east (陇南, 天水, 平凉, 庆阳's 子午岭, 甘南's valleys) high,
// the Hexi deserts low.
var forestBase = map[string]float64{
	"620100": 12, "620300": 5, "620400": 6, "620500": 38, "620600": 12, "620700": 10, "620800": 32,
	"620900": 3, "621000": 28, "621100": 15, "621200": 45, "622900": 17, "623000": 28,
}

// airBase is a typical share of good-air days (%): dust in Hexi and the
// Lanzhou valley, clean air on the Tibetan plateau and in 陇南.
var airBase = map[string]float64{
	"620100": 85, "620300": 90, "620400": 88, "620500": 93, "620600": 89, "620700": 90, "620800": 92,
	"620900": 86, "621000": 93, "621100": 94, "621200": 97, "622900": 93, "623000": 98,
}
