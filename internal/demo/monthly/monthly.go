// Package monthly generates the sample monitoring data (示例数据) of the
// demo: cumulative figures (1–N月累计) of 2022 and 2023 for Gansu's 86
// counties and the province, year-start targets of 2023 decomposed
// province → prefecture → county, and the release calendar. December 2022
// is the yearly demo's 2022 figure (internal/demo), so that monitoring and
// evaluation tell the same story. It is deterministic: the same data on
// every run.
//
// The data is made so that every light appears (a county whose 2022
// retail figure is missing has no light), investment is seasonal (it stops
// in winter; its benchmark comes from the province's 2019, 2021 and 2022
// months, 2020 being abnormal), energy intensity should fall, and the
// bureau's official growths (GDP, 规上工业增加值, 固定资产投资) are
// imported, never computed.
package monthly

import (
	"hash/fnv"
	"math"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/demo"
	"github.com/qiangxian/qiangxian/internal/monitor"
)

// Province is the province's code: its rows are the province's own
// figures.
const Province = "620000"

// Indicator is a monitoring indicator of the demo.
type Indicator struct {
	Code, Name, Unit string
	Quarterly        bool
	Falling          bool
	Additive         bool
	Official         bool // the bureau's growth is imported
	Seasonal         bool
}

// Indicators are the demo's monitoring indicators.
func Indicators() []Indicator {
	return []Indicator{
		{Code: "m_gdp", Name: "地区生产总值", Unit: "亿元", Quarterly: true, Additive: true, Official: true},
		{Code: "m_ind", Name: "规模以上工业增加值", Unit: "%", Official: true},
		{Code: "m_fai", Name: "固定资产投资", Unit: "亿元", Additive: true, Official: true, Seasonal: true},
		{Code: "m_retail", Name: "社会消费品零售总额", Unit: "亿元", Additive: true},
		{Code: "m_fiscal", Name: "一般公共预算收入", Unit: "亿元", Additive: true},
		{Code: "m_funds", Name: "省外到位资金", Unit: "亿元", Additive: true},
		{Code: "m_energy", Name: "单位地区生产总值能耗", Unit: "吨标准煤/万元", Quarterly: true, Falling: true, Official: true},
	}
}

// Release is the statistics bureau's release day of a period.
type Release struct {
	Year, Month int
	Day         time.Time
}

// Data is the generated monitoring data.
type Data struct {
	Figures    []monitor.Figure
	Final      []bool // Final[i]: Figures[i] is final (else preliminary)
	Targets    []monitor.Target
	Releases   []Release
	Indicators []Indicator
}

// total is the province's sums by month, 2022 and 2023.
type total struct{ v22, v23 [12]float64 }

// fai's seasonal profile: the cumulative share of the year by month
// (investment stops in winter); months 1 (reported with 2) to 12.
var faiProfile = [12]float64{0, 0.07, 0.14, 0.23, 0.33, 0.46, 0.56, 0.66, 0.76, 0.86, 0.94, 1}

// u01 is a deterministic draw in [0, 1) from a key.
func u01(key string) float64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return float64(h.Sum64()>>11) / (1 << 53)
}

// normal is a deterministic normal draw.
func normal(mean, sd float64, key string) float64 {
	u1, u2 := u01(key+"/a"), u01(key+"/b")
	return mean + sd*math.Sqrt(-2*math.Log(1-u1))*math.Cos(2*math.Pi*u2)
}

func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// Generate builds the demo's monitoring data.
func Generate() (*Data, error) {
	y22, err := demo.Generate(2022)
	if err != nil {
		return nil, err
	}
	d := &Data{Indicators: Indicators()}
	add := func(f monitor.Figure, final bool) {
		d.Figures = append(d.Figures, f)
		d.Final = append(d.Final, final)
	}
	nan := math.NaN()
	sums := map[string]*total{} // the province's sums
	for _, ind := range d.Indicators {
		sums[ind.Code] = &total{}
	}
	for _, row := range y22.Rows {
		c := row.Code
		gdp := row.Value("gdp")
		annual := map[string]float64{
			"m_gdp":    gdp,
			"m_fai":    gdp * (0.55 + 0.35*u01(c+"fai")),
			"m_retail": row.Value("retail"),
			"m_fiscal": row.Value("fiscal_rev"),
			"m_funds":  row.Value("funds_in"),
		}
		// Each county's growth this year: a draw per indicator, drifting a
		// little month by month.
		for _, ind := range d.Indicators {
			mean := map[string]float64{"m_gdp": 6, "m_ind": 7, "m_fai": 5, "m_retail": 8, "m_fiscal": 7, "m_funds": 12, "m_energy": -2}[ind.Code]
			sd := map[string]float64{"m_gdp": 2, "m_ind": 5, "m_fai": 10, "m_retail": 4, "m_fiscal": 7, "m_funds": 12, "m_energy": 2}[ind.Code]
			g := normal(mean, sd, c+ind.Code)
			for m := 2; m <= 12; m++ {
				if ind.Quarterly && m%3 != 0 {
					continue
				}
				gm := round(g+normal(0, sd/6, c+ind.Code+itoa(m)), 1)
				p22, p23 := monitor.Period{Year: 2022, Month: m}, monitor.Period{Year: 2023, Month: m}
				switch {
				case ind.Code == "m_ind" || ind.Code == "m_energy":
					// Growth only: the bureau publishes no county value.
					add(monitor.Figure{Unit: c, Indicator: ind.Code, Period: p23, Value: nan, Growth: gm}, true)
				default:
					share := float64(m) / 12 * (1 + normal(0, 0.02, c+ind.Code+"s"+itoa(m)))
					if ind.Seasonal {
						share = faiProfile[m-1] * (1 + normal(0, 0.03, c+ind.Code+"s"+itoa(m)))
					}
					if m == 12 {
						share = 1
					}
					v22 := round(annual[ind.Code]*share, 2)
					v23 := round(v22*(1+gm/100), 2)
					growth := nan
					if ind.Official {
						growth = gm
					}
					sums[ind.Code].v22[m-1] += v22
					sums[ind.Code].v23[m-1] += v23
					if !(ind.Code == "m_retail" && c == "620123") { // 榆中县's 2022 retail is missing: no growth, no light
						add(monitor.Figure{Unit: c, Indicator: ind.Code, Period: p22, Value: v22, Growth: nan}, true)
					}
					// December's retail is preliminary (初步) for now.
					add(monitor.Figure{Unit: c, Indicator: ind.Code, Period: p23, Value: v23, Growth: growth}, !(ind.Code == "m_retail" && m == 12))
				}
			}
		}
		d.Targets = append(d.Targets, countyTargets(c, annual)...)
	}
	d.addProvince(sums)
	d.addTargetsAbove()
	for m := 2; m <= 12; m++ {
		y, mm := 2023, m+1
		if m == 12 {
			y, mm = 2024, 1
		}
		d.Releases = append(d.Releases, Release{Year: 2023, Month: m, Day: time.Date(y, time.Month(mm), 17, 0, 0, 0, 0, time.UTC)})
	}
	return d, nil
}

// countyTargets are a county's 2023 targets: absolute for investment,
// retail, fiscal revenue and funds (the 2022 total grown by a planned
// rate), growth targets for GDP, industry and energy intensity.
func countyTargets(c string, annual map[string]float64) []monitor.Target {
	var ts []monitor.Target
	for _, code := range []string{"m_fai", "m_retail", "m_fiscal", "m_funds"} {
		plan := map[string]float64{"m_fai": 8, "m_retail": 7, "m_fiscal": 6, "m_funds": 10}[code] + 2*(u01(c+code+"t")-0.5)
		ts = append(ts, monitor.Target{Year: 2023, Unit: c, Indicator: code, Kind: monitor.Absolute, Value: round(annual[code]*(1+plan/100), 2)})
	}
	ts = append(ts, monitor.Target{Year: 2023, Unit: c, Indicator: "m_gdp", Kind: monitor.Growth, Value: 6},
		monitor.Target{Year: 2023, Unit: c, Indicator: "m_ind", Kind: monitor.Growth, Value: 7},
		monitor.Target{Year: 2023, Unit: c, Indicator: "m_energy", Kind: monitor.Growth, Value: -2})
	return ts
}

// addProvince adds the province's own figures: the sums of the counties
// with the bureau's official growths for GDP and investment, and the
// province's investment months of 2019 and 2021 for the seasonal
// benchmark (2020 is abnormal and left out).
func (d *Data) addProvince(sums map[string]*total) {
	nan := math.NaN()
	for _, ind := range d.Indicators {
		s := sums[ind.Code]
		for m := 2; m <= 12; m++ {
			if ind.Quarterly && m%3 != 0 {
				continue
			}
			p22, p23 := monitor.Period{Year: 2022, Month: m}, monitor.Period{Year: 2023, Month: m}
			switch ind.Code {
			case "m_ind":
				d.Figures, d.Final = append(d.Figures, monitor.Figure{Unit: Province, Indicator: ind.Code, Period: p23, Value: nan, Growth: 7.3}), append(d.Final, true)
				continue
			case "m_energy":
				d.Figures, d.Final = append(d.Figures, monitor.Figure{Unit: Province, Indicator: ind.Code, Period: p23, Value: nan, Growth: -2.4}), append(d.Final, true)
				continue
			}
			g := nan
			if ind.Official {
				g = round(100*(s.v23[m-1]/s.v22[m-1]-1), 1) // the bureau's figure, published rounded
			}
			d.Figures = append(d.Figures, monitor.Figure{Unit: Province, Indicator: ind.Code, Period: p22, Value: round(s.v22[m-1], 2), Growth: nan},
				monitor.Figure{Unit: Province, Indicator: ind.Code, Period: p23, Value: round(s.v23[m-1], 2), Growth: g})
			d.Final = append(d.Final, true, !(ind.Code == "m_retail" && m == 12))
			if ind.Seasonal {
				for _, y := range []int{2019, 2020, 2021} {
					// 2020's spring was lost to the epidemic: a share far
					// behind; the benchmark leaves that year out.
					k := map[int]float64{2019: 0.86, 2020: 0.8, 2021: 0.93}[y]
					share := faiProfile[m-1] * (1 + normal(0, 0.03, "p"+itoa(y)+itoa(m)))
					if y == 2020 && m <= 6 {
						share *= 0.6
					}
					if m == 12 {
						share = 1
					}
					d.Figures = append(d.Figures, monitor.Figure{Unit: Province, Indicator: ind.Code, Period: monitor.Period{Year: y, Month: m},
						Value: round(s.v22[11]*k*share, 2), Growth: nan})
					d.Final = append(d.Final, true)
				}
			}
		}
	}
}

// addTargetsAbove decomposes upwards: each prefecture's absolute target is
// 99 % of its counties' sum and the province's 99 % of its prefectures',
// so that the parts add up to more than the whole; growth targets are the
// counties'.
func (d *Data) addTargetsAbove() {
	pref := map[string]map[string]float64{}
	for _, t := range d.Targets {
		if t.Kind != monitor.Absolute {
			continue
		}
		p := monitor.ParentOf(t.Unit)
		if pref[p] == nil {
			pref[p] = map[string]float64{}
		}
		pref[p][t.Indicator] += t.Value
	}
	prov := map[string]float64{}
	for _, p := range demo.Prefectures() {
		for ind, v := range pref[p.Code] {
			pv := round(0.99*v, 2)
			d.Targets = append(d.Targets, monitor.Target{Year: 2023, Unit: p.Code, Indicator: ind, Kind: monitor.Absolute, Value: pv})
			prov[ind] += pv
		}
	}
	for _, ind := range []string{"m_fai", "m_retail", "m_fiscal", "m_funds"} {
		d.Targets = append(d.Targets, monitor.Target{Year: 2023, Unit: Province, Indicator: ind, Kind: monitor.Absolute, Value: round(0.99*prov[ind], 2)})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
