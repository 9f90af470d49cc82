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
func economy(cs []County, v map[string]series) {
	gdp := v["gdp"]
	for i, c := range cs {
		k := c.Code
		u := c.UrbanShare()
		pc := gdp[1][i] * 1e4 / v["pop"][1][i] // 元/人
		lpc := math.Log(pc / 40000)
		rural := math.Max(float64(c.RuralPop2020), 3000) / 1e4

		// General budget revenue: 4–9 % of GDP, more in towns and industry.
		ratio := 0.05 * math.Exp(0.8*(u-0.45)+typeShift(k, Industry, 0.2, 0.1)+draw(0, 0.2, k, "fiscal"))
		f21 := gdp[0][i] * clamp(ratio, 0.02, 0.15)
		f22 := f21 * (1 + clamp(draw(0.04, 0.10, k, "fiscal-22"), -0.3, 0.4)) // 2022: VAT refunds
		f20 := f21 / (1 + clamp(draw(0.09, 0.07, k, "fiscal-21"), -0.2, 0.4))
		set(v, "fiscal_rev", i, round(f21, 2), round(f22, 2))
		set(v, "fiscal_rev_prev", i, round(f20, 2), round(f21, 2))

		for y := range years {
			ys := itoa(years[y])
			mean := [2]float64{8.0, 5.5}[y] + typeShift(k, Industry, 2.5, 1.5)
			v["ind_growth"][y][i] = round(clamp(draw(mean, 4.5, k, "ind", ys), -20, 30), 1)
			v["fai_growth"][y][i] = round(clamp(draw([2]float64{10.5, 9.0}[y], 7, k, "fai", ys), -35, 45), 1)
		}

		// Retail sales: about a third of GDP, more in service towns.
		share := 0.30 * math.Exp(0.6*(u-0.45)+typeShift(k, Urban, 0.15, 0.08)-typeShift(k, Industry, 0.2, 0.1)+draw(0, 0.15, k, "retail"))
		r21 := gdp[0][i] * share
		set(v, "retail", i, round(r21, 2), round(r21*(1+draw(-0.01, 0.03, k, "retail-22")), 2))

		// Tourism: people times attraction; 2022 lost about a third to the epidemic.
		attr := typeShift(k, Tourism, 1.3, 0.7) + typeShift(k, Urban, 0.4, 0.2) + typeShift(k, Ecology, 0.2, 0.1)
		t21 := v["pop"][0][i] * 0.5 * math.Exp(attr) * lognormal(0.35, k, "tourism")
		set(v, "tourism_rev", i, round(t21, 2), round(t21*math.Exp(draw(math.Log(0.7), 0.1, k, "tourism-22")), 2))

		// Farming scales with the rural population; richer in the Hexi oases,
		// pastoral in 甘南.
		farm := typeShift(k, Agriculture, 0.35, 0.2) - typeShift(k, Urban, 0.3, 0.1)
		if hexi(c.PrefectureCode) {
			farm += 0.45
		}
		a21 := rural * 1.6 * math.Exp(farm+draw(0, 0.2, k, "agri"))
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
		g21 := rural * 0.83 * math.Exp(grain+draw(0, 0.2, k, "grain"))
		set(v, "grain", i, round(g21, 2), round(g21*(1+draw(0.025, 0.03, k, "grain-22")), 2))

		// Funds from outside the province: about a quarter of GDP.
		fi21 := gdp[0][i] * 0.25 * math.Exp(draw(0, 0.35, k, "funds")+typeShift(k, Industry, 0.2, 0.1))
		set(v, "funds_in", i, round(fi21, 2), round(fi21*(1+draw(0.10, 0.12, k, "funds-22")), 2))

		// Trade is concentrated in a few industrial districts.
		ex := -4.8 + draw(0, 0.9, k, "export") + typeShift(k, Industry, 0.8, 0.4) + exportBoost[k]
		e21 := math.Max(gdp[0][i]*math.Exp(ex), 0.01)
		set(v, "export", i, round(e21, 2), round(math.Max(e21*math.Exp(draw(0.1, 0.25, k, "export-22")), 0.01), 2))

		// Incomes rise with urbanisation and output per head; rural incomes
		// are far higher in Hexi.
		inc := prefIncome[c.PrefectureCode]
		ui22 := 36000 * math.Exp(0.25*(u-0.45)+0.15*lpc+inc+draw(0, 0.04, k, "urban-income"))
		set(v, "urban_income", i, math.Round(ui22/(1+draw(0.05, 0.008, k, "urban-income-22"))), math.Round(ui22))
		rinc := inc
		if hexi(c.PrefectureCode) {
			rinc += 0.4
		}
		ri22 := 12000 * math.Exp(0.35*(u-0.45)+0.1*lpc+rinc+draw(0, 0.06, k, "rural-income"))
		rg22 := round(clamp(draw(7.6, 0.7, k, "rural-growth-22"), 4, 11), 1)
		rg21 := round(clamp(draw(10.6, 0.8, k, "rural-growth-21"), 6, 14), 1)
		set(v, "rural_income", i, math.Round(ri22/(1+rg22/100)), math.Round(ri22))
		set(v, "rural_income_growth", i, rg21, rg22)

		// Debt ratio: lower where output per head is higher.
		d21 := clamp(120*math.Exp(draw(0, 0.3, k, "debt")-0.2*lpc), 40, 290)
		set(v, "debt_ratio", i, round(d21, 1), round(clamp(d21*math.Exp(draw(0.05, 0.08, k, "debt-22")), 40, 300), 1))

		// New market entities: about 1 % of the population a year, more in towns.
		n21 := float64(c.Pop2020) * 0.011 * math.Exp(0.6*(u-0.45)+draw(0, 0.2, k, "entities"))
		set(v, "new_entities", i, math.Round(n21), math.Round(n21*math.Exp(draw(-0.05, 0.12, k, "entities-22"))))
	}
}

// environment fills the indicators of land, air and energy, and the panel
// scores.
func environment(cs []County, v map[string]series) {
	for i, c := range cs {
		k := c.Code
		f21 := forestBase[c.PrefectureCode] * lognormal(0.35, k, "forest") * math.Exp(typeShift(k, Ecology, 0.3, 0.2))
		f21 = clamp(f21, 0.5, 70)
		set(v, "forest", i, round(f21, 1), round(f21+0.1+0.3*stream(k, "forest-22").uniform(), 1))
		for y := range years {
			ys := itoa(years[y])
			sd := 2.2 + typeShift(k, Industry, 1.3, 0.6)
			v["energy_decline"][y][i] = round(clamp(draw(2.8-typeShift(k, Industry, 0.5, 0.2), sd, k, "energy", ys), -8, 10), 1)
			air := airBase[c.PrefectureCode] + [2]float64{0, -0.5}[y] + typeShift(k, Ecology, 1.5, 0.8) - typeShift(k, Industry, 1.5, 0.8)
			v["air_quality"][y][i] = round(clamp(draw(air, 2, k, "air", ys), 70, 100), 1)
			// The panel rewards visible growth a little.
			z := (v["gdp_growth"][y][i] - [2]float64{6.8, 4.6}[y]) / 1.6
			v["review"][y][i] = round(clamp(draw(84+1.5*z, 5, k, "review", ys), 62, 98), 1)
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
