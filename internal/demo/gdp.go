package demo

import "math"

// Published figures the generated GDP is calibrated to (sources in
// shared/notes/sources.md §1.3 and §4.2: df-news.cn 2023-04-26,
// szb.gansudaily.com.cn 2023-05-24).
const (
	GDPTotal2022     = 10509.8 // 县域经济规模 2022, 亿元
	GDPNominalGrowth = 9.29    // its nominal growth on 2021, %
	CountiesOver100  = 31      // counties with 2022 GDP > 100亿元
)

// GDPTotal2021 is the 2021 total implied by the published 2022 total and
// its growth, rounded as the tables are.
var GDPTotal2021 = round(GDPTotal2022/(1+GDPNominalGrowth/100), 2)

// PressFigure is a county's 2022 GDP (亿元) and real growth (%, NaN when not
// reported) as reported in the press.
type PressFigure struct {
	GDP, Growth float64
}

// PressFigures returns the press-reported 2022 figures by division code;
// the generated data reproduces them exactly.
func PressFigures() map[string]PressFigure {
	return map[string]PressFigure{
		"620602": {417.7, math.NaN()},  // 凉州区
		"620621": {107.85, math.NaN()}, // 民勤县
		"620622": {80.9, 6.5},          // 古浪县
		"620623": {71.1, 8.2},          // 天祝藏族自治县
		"620802": {193.03, 7.3},        // 崆峒区
	}
}

// prefectureEffect shifts log GDP per head by prefecture: the resource
// economies of 金昌 (nickel), 酒泉 (oil, wind, space industry) and 庆阳 (oil,
// coal) above, the poorer south-west (定西, 陇南, 临夏, 甘南) below.
var prefectureEffect = map[string]float64{
	"620100": 0.25, "620300": 0.70, "620400": 0.05, "620500": -0.20, "620600": 0.00, "620700": 0.10,
	"620800": -0.05, "620900": 0.55, "621000": 0.25, "621100": -0.35, "621200": -0.25, "622900": -0.45,
	"623000": -0.20,
}

// typeEffect shifts log GDP per head by county type; a second type counts
// half. Tourism earns a lot of attention and little value added.
var typeEffect = map[string]float64{Urban: 0.10, Industry: 0.30, Agriculture: -0.10, Tourism: -0.20, Ecology: -0.05}

// gdp2022Raw is the model before calibration: GDP per head driven by the
// urban share of the census population, the prefecture and the county
// type, times the 2022 population.
func gdp2022Raw(c County, pop float64) float64 {
	t1, t2 := CountyTypes(c.Code)
	lpc := math.Log(30000) + 1.9*(c.UrbanShare()-0.4) + prefectureEffect[c.PrefectureCode] +
		typeEffect[t1] + 0.5*typeEffect[t2] + draw(0, 0.15, c.Code, "gdp")
	return math.Exp(lpc) * pop / 1e4 // 元/人 × 万人 → 亿元
}

// calibrateGDP2022 returns the 2022 GDP (亿元, 2 decimals): the press
// figures exactly; the others k·raw^γ, where k makes the total the
// published one and γ, the closest to 1 that works, puts exactly
// CountiesOver100 counties above 100亿元. The rounding remainder goes to the
// largest free county, so that the total is exact.
func calibrateGDP2022(cs []County, raw []float64) []float64 {
	press := PressFigures()
	fixed := 0.0
	for _, p := range press {
		fixed += p.GDP
	}
	out := make([]float64, len(cs))
	try := func(gamma float64) int {
		sum := 0.0
		for i, c := range cs {
			if _, ok := press[c.Code]; !ok {
				sum += math.Pow(raw[i], gamma)
			}
		}
		k := (GDPTotal2022 - fixed) / sum
		over := 0
		for i, c := range cs {
			if p, ok := press[c.Code]; ok {
				out[i] = p.GDP
			} else {
				out[i] = round(k*math.Pow(raw[i], gamma), 2)
			}
			if out[i] > 100 {
				over++
			}
		}
		return over
	}
	// γ in steps of 0.001 outwards from 1: the first hit is the smallest
	// distortion of the model's spread.
	found := false
	for step := 0; step <= 500 && !found; step++ {
		for _, g := range []float64{1 + float64(step)/1000, 1 - float64(step)/1000} {
			if try(g) == CountiesOver100 {
				found = true
				break
			}
		}
	}
	if !found {
		panic("demo: no calibration gives the published number of counties over 100亿元")
	}
	largest, rest := -1, 0.0
	for i, c := range cs {
		rest += out[i]
		if _, ok := press[c.Code]; !ok && (largest < 0 || out[i] > out[largest]) {
			largest = i
		}
	}
	out[largest] = round(out[largest]+GDPTotal2022-rest, 2)
	return out
}

// realGrowth returns a county's real GDP growth (%, 1 decimal) in year y:
// Gansu grew about 6.9 % in 2021 and 4.5 % in 2022, when industry gained
// from energy prices and tourism lost to the epidemic.
func realGrowth(c County, y int) float64 {
	if p, ok := PressFigures()[c.Code]; ok && y == 2022 && !math.IsNaN(p.Growth) {
		return p.Growth
	}
	mean, sd := 6.8, 1.5
	if y == 2022 {
		mean, sd = 4.6, 1.6
	}
	t1, t2 := CountyTypes(c.Code)
	for _, t := range []string{t1, t2} {
		switch {
		case t == Industry:
			mean += 0.8
		case t == Tourism && y == 2022:
			mean -= 1.0
		case t == Tourism:
			mean += 0.4
		}
	}
	return round(clamp(draw(mean, sd, c.Code, "growth", itoa(y)), -3, 12), 1)
}

// gdp2021 deflates 2022 GDP by each county's nominal growth: real growth
// times a price index that is higher where industry is (2022's energy and
// metal prices). A common shift of the index, found by bisection, makes the
// total the published 2021 one; the remainder of rounding goes to the
// largest county.
func gdp2021(cs []County, g22, real22 []float64) []float64 {
	base := make([]float64, len(cs))
	for i, c := range cs {
		base[i] = draw(0, 0.8, c.Code, "deflator")
		if hasType(c.Code, Industry) {
			base[i] += 1.5
		}
	}
	out := make([]float64, len(cs))
	total := func(shift float64) float64 {
		s := 0.0
		for i := range cs {
			nominal := (1+real22[i]/100)*(1+(base[i]+shift)/100) - 1
			out[i] = round(g22[i]/(1+nominal), 2)
			s += out[i]
		}
		return s
	}
	lo, hi := -20.0, 30.0 // total(lo) > target > total(hi)
	for range 100 {
		mid := (lo + hi) / 2
		if total(mid) > GDPTotal2021 {
			lo = mid
		} else {
			hi = mid
		}
	}
	sum := total(hi)
	largest := 0
	for i := range out {
		if out[i] > out[largest] {
			largest = i
		}
	}
	out[largest] = round(out[largest]+GDPTotal2021-sum, 2)
	return out
}

// over100 returns how many values exceed 100.
func over100(v []float64) int {
	n := 0
	for _, x := range v {
		if x > 100 {
			n++
		}
	}
	return n
}
