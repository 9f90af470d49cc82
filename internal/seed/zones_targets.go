package seed

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/landuse"
	"github.com/qiangxian/qiangxian/internal/zone/target"
)

// OutputMeasure is the measure of the demo targets and tiers (亿元).
const OutputMeasure = "工业总产值"

// Demo target counts: Gansu's "12 parks over 100亿元 by 2025".
const (
	HundredYiNow    = 9  // zones at or over 100亿元 in ZoneEnterpriseYear
	HundredYiTarget = 12 // the province's target count for 2025
)

// demoTiers is the demo tiers file: the article's tiers with the
// province's target (12 parks over 100亿元) and a prefecture's goal for
// its clusters, all marked 示例.
const demoTiers = `# 示例 分档（示例数据）
measure = "工业总产值"

[[tier]]
name = "百亿级"
min = 100
target = 12
cluster_target = 2

[[tier]]
name = "50亿级"
min = 50
max = 100

[[tier]]
name = "30–50亿元"
min = 30
max = 50
target = 10

[[cluster]]
name = "兰州新材料产业集群（示例）"
members = ["GJ01", "GJ06", "GJ07"]

[[cluster]]
name = "河西新能源产业集群（示例）"
members = ["GJ04", "GJ05", "SJ02"]
`

// zoneFigures returns the demo land figures (2023 and 2024), the output
// of every zone 2020–2024 (亿元) and targets for 2025 and 2027.
//
// The zones are ordered by strength: the first HundredYiNow are over 100亿元
// in 2024, the next five between 72 and 96亿元 with a 2025 target of 100亿元
// — three grew fast enough to be on track, two did not — so that reaching
// the province's 12 depends on them; the others spread from 10 to 70亿元
// with a 2027 target 30 % above 2024, every third of them behind.
func zoneFigures(zs []demoZone) store.ZoneFigures {
	rng := rand.New(rand.NewPCG(19, 2025))
	f := store.ZoneFigures{Actuals: target.Actuals{}, Tiers: demoTiers}
	order := make([]demoZone, len(zs))
	copy(order, zs)
	slices.SortStableFunc(order, func(a, b demoZone) int { return cmp.Compare(b.strength, a.strength) })
	round := func(v float64) float64 { return math.Round(v*100) / 100 }
	for i, z := range order {
		var now, growth float64
		var goal target.Target
		switch {
		case i < HundredYiNow:
			now, growth = 105+35*float64(HundredYiNow-i)+10*rng.Float64(), 0.06+0.05*rng.Float64()
			goal = target.Target{Unit: z.Code, Measure: OutputMeasure, Year: 2027, Value: round(now * 1.25)}
		case i < HundredYiNow+5:
			k := i - HundredYiNow
			now = 96 - 6*float64(k)
			// Needed for 100 in one year: 100/now − 1 (4.2 % … 38.9 %).
			growth = 100/now - 1 + 0.02
			if k >= 3 {
				growth = 0.03 // behind
			}
			goal = target.Target{Unit: z.Code, Measure: OutputMeasure, Year: 2025, Value: 100}
		default:
			now, growth = 10+60*rng.Float64(), 0.02+0.1*rng.Float64()
			if i%3 == 0 {
				growth = 0.01
			}
			goal = target.Target{Unit: z.Code, Measure: OutputMeasure, Year: 2027, Value: round(now * 1.3)}
		}
		now = round(now)
		f.Targets = append(f.Targets, goal)
		v := now
		for y := ZoneEnterpriseYear; y >= 2020; y-- {
			f.Actuals.Set(z.Code, OutputMeasure, y, round(v))
			v /= 1 + growth
		}
		for _, y := range []int{ZoneEnterpriseYear - 1, ZoneEnterpriseYear} {
			f.Land = append(f.Land, demoLand(z, y, rng))
		}
	}
	f.Targets = append(f.Targets, target.Target{Unit: "兰州新材料产业集群（示例）", Measure: OutputMeasure, Year: 2027, Value: 600})
	return f
}

// demoLand draws a zone's land figures of year from its approved area
// (公顷): ready 70–95 %, supplied 70–95 % of that, built 75–95 % of that,
// plot ratio 0.7–1.3, industrial land 55–70 % of the built, investment
// 3,000–6,000 万元 and tax 60–260 万元 per 公顷 of built land.
func demoLand(z demoZone, year int, rng *rand.Rand) landuse.Land {
	u := func(lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }
	r := func(v float64) float64 { return math.Round(v*10) / 10 }
	l := landuse.Land{Zone: z.Code, Year: strconv.Itoa(year), Total: z.AreaApproved}
	l.Available = r(l.Total * u(0.7, 0.95))
	l.Supplied = r(l.Available * u(0.7, 0.95))
	l.Built = r(l.Supplied * u(0.75, 0.95))
	l.FloorArea = r(l.Built * u(0.7, 1.3))
	l.IndustrialBuilt = r(l.Built * u(0.55, 0.7))
	l.IndustrialFloor = r(l.IndustrialBuilt * u(0.6, 1.1))
	l.IndustrialInvest = r(l.IndustrialBuilt * u(3000, 6000) * math.Sqrt(z.strength))
	l.Tax = r(l.Built * u(60, 260) * z.strength)
	l.IndustrialTax = r(l.Tax * u(0.5, 0.8))
	l.Unsupplied = r(l.Total * u(0.02, 0.08))
	l.UnsuppliedDisposed = r(l.Unsupplied * u(0.2, 0.8))
	l.Idle = r(l.Supplied * u(0, 0.02))
	l.IdleDisposed = r(l.Idle * u(0.3, 1))
	return l
}
