package seed

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

//go:embed gansu/mujun-scheme.toml
var mujunTOML []byte

// ZoneEnterpriseYear is the year of the demo enterprises' figures.
const ZoneEnterpriseYear = 2024

// industryCodes are GB/T 4754-2017 小类 codes of the demo zones' leading
// industries, so that an industrial chain can place the enterprises.
var industryCodes = map[string][]string{
	"装备制造":  {"C3421", "C3441", "C3511", "C3824", "C3463"},
	"新材料":   {"C3985", "C2662", "C3240", "C3091"},
	"生物医药":  {"C2710", "C2720", "C2740", "C2761"},
	"有色金属":  {"C3211", "C3213", "C3251", "C3216"},
	"新能源":   {"C3825", "C3415", "C3841", "D4415"},
	"电子信息":  {"C3973", "C3974", "C3982", "C3971"},
	"农产品加工": {"C1310", "C1441", "C1371", "C1523"},
	"新能源装备": {"C3415", "C3825", "C3849"},
	"化工":    {"C2611", "C2614", "C2613", "C2651"},
	"信息技术":  {"I6510", "I6450", "C3911"},
	"精细化工":  {"C2662", "C2631", "C2641"},
	"数据信息":  {"I6450", "I6531", "C3912"},
	"冶金":    {"C3110", "C3120", "C3130", "C3140"},
}

// generatedIndustries are the leading industries given in turn to the
// generated zones (whose registry says 示例产业).
var generatedIndustries = [][]string{{"农产品加工", "新材料"}, {"装备制造", "化工"}, {"新能源", "冶金"},
	{"生物医药", "农产品加工"}, {"有色金属", "新材料"}, {"电子信息", "装备制造"}, {"精细化工", "新能源装备"}}

// nameWords make invented enterprise names (each marked 示例).
var (
	nameStems = []string{"金", "华", "泰", "恒", "瑞", "宏", "鑫", "远", "达", "丰", "陇", "祁", "河", "峰", "源", "盛"}
	nameNouns = map[byte]string{'C': "制造", 'D': "能源", 'I': "科技"}
)

// zoneEnterprises generates the demo enterprises of zs (示例): about 90
// for a national zone and 35 for the others, their industry drawn from the
// zone's leading industries, hosted by a county of the zone's host, with
// land, output, tax and energy figures that give every class and make the
// quotas bind (more than 20 % score A, fewer than 5 % score D), a few
// accidents and taxes below the floor (overrides), some too small or too
// new to be graded. counties maps a prefecture to its counties.
func zoneEnterprises(zs []demoZone, counties map[string][]string) []store.ZoneEnterprise {
	rng := rand.New(rand.NewPCG(19, ZoneEnterpriseYear))
	var out []store.ZoneEnterprise
	gen := 0
	for zi, z := range zs {
		inds := z.Industries
		if z.Example || len(inds) == 0 || industryCodes[inds[0]] == nil {
			inds = generatedIndustries[gen%len(generatedIndustries)]
			gen++
		}
		n := 28 + rng.IntN(15)
		if z.Level == "national" {
			n = 80 + rng.IntN(20)
		}
		cs := counties[prefectureOf(z.Host)]
		if len(z.Host) == 6 && z.Host[4:] != "00" {
			cs = []string{z.Host}
		}
		for k := 0; k < n; k++ {
			ind := inds[rng.IntN(len(inds))]
			codes := industryCodes[ind]
			code := codes[rng.IntN(len(codes))]
			county := z.Host
			if len(cs) > 0 {
				county = cs[rng.IntN(len(cs))]
			}
			e := store.ZoneEnterprise{Year: ZoneEnterpriseYear, Zone: z.Code, County: county, Industry: code, Example: true,
				USCC:         mujun.CompleteUSCC(fmt.Sprintf("91%sMA%03d%04d", county, zi, k)),
				Name:         fmt.Sprintf("%s%s%s%s有限公司（示例）", nameStems[rng.IntN(len(nameStems))], nameStems[rng.IntN(len(nameStems))], ind, nameNouns[code[0]]),
				LandLeasedIn: math.NaN(), LandLeasedOut: math.NaN(), LandMu: math.NaN()}
			if len(z.Subparks) > 0 {
				e.SubPark = z.Subparks[k%len(z.Subparks)].Code
			}
			figures(&e, rng, z.strength)
			out = append(out, e)
		}
	}
	return out
}

// figures draws an enterprise's figures: land (亩, log-normal around 40),
// a quality ratio r around 0.72 × the zone's strength^0.3 (the share of
// the example scheme's standards it reaches), value added, tax, energy,
// emissions and R&D from it, each with its own noise. One in 25 started
// production in the figures' year or has under 3 亩 (not graded); one in
// 150 had an accident and one in 120 paid almost no tax (overrides).
func figures(e *store.ZoneEnterprise, rng *rand.Rand, strength float64) {
	noise := func(sd float64) float64 { return math.Exp(sd * rng.NormFloat64()) }
	land := math.Round(40*noise(0.9)*10) / 10
	e.LandOwned = max(land, 3)
	switch {
	case rng.IntN(25) == 0:
		e.LandOwned = math.Round(10*(1+rng.Float64()*1.8)) / 10 // under 3 亩
	case rng.IntN(8) == 0:
		e.LandLeasedIn = math.Round(e.LandOwned*0.3*10) / 10
	case rng.IntN(12) == 0:
		e.LandLeasedOut = math.Round(e.LandOwned*0.2*10) / 10
	}
	e.LandMu = e.LandOwned
	if !math.IsNaN(e.LandLeasedIn) {
		e.LandMu += e.LandLeasedIn
	}
	if !math.IsNaN(e.LandLeasedOut) {
		e.LandMu -= e.LandLeasedOut
	}
	e.StartYear = ZoneEnterpriseYear - 1 - rng.IntN(25)
	if rng.IntN(25) == 0 {
		e.StartYear = ZoneEnterpriseYear
	}
	r := 0.72 * math.Pow(strength, 0.3) * noise(0.3)
	round := func(v float64) float64 { return math.Round(v*10) / 10 }
	e.ValueAdded = round(60 * r * noise(0.15) * e.LandMu)
	e.Tax = round(15 * r * noise(0.15) * e.LandMu)
	e.Output = round(e.ValueAdded * (3 + rng.Float64()))
	e.EnergyTCE = round(e.ValueAdded / (2 * r * noise(0.2)))
	e.Emissions = round(e.ValueAdded / (50 * r * noise(0.2)))
	e.RD = round(e.Output * 0.03 * r * noise(0.3))
	e.Employees = max(5, int(e.LandMu*(2+rng.Float64()*3)))
	e.Regulated = e.Output >= 2000
	switch {
	case rng.IntN(150) == 0:
		e.Accident = true
	case rng.IntN(120) == 0:
		e.Tax = round(0.5 * e.LandMu * rng.Float64()) // under the 1 万元/亩 floor
	}
}

// loadZoneEnterprises stores the demo enterprises of zs (one revision),
// grades them with the example scheme and stores the grading.
func loadZoneEnterprises(ctx context.Context, db *store.DB, actor store.Actor, zs []demoZone) error {
	us, err := db.Units(ctx, store.UnitFilter{Kind: store.UnitCounty})
	if err != nil {
		return err
	}
	counties := map[string][]string{}
	for _, u := range us {
		counties[u.Parent] = append(counties[u.Parent], u.Code)
	}
	for _, cs := range counties {
		slices.Sort(cs)
	}
	es := zoneEnterprises(zs, counties)
	if _, err := db.ReplaceZoneEnterprises(ctx, actor, ZoneEnterpriseYear, nil, es, "示例数据：生成的开发区企业"); err != nil {
		return err
	}
	s, err := mujun.ParseScheme("gansu/mujun-scheme.toml", mujunTOML)
	if err != nil {
		return fmt.Errorf("seed: the embedded 亩均 scheme: %w", err)
	}
	return db.PutZoneGrading(ctx, actor, zonestats.Grade(es, s, string(mujunTOML), ZoneEnterpriseYear))
}

// loadZonesII adds to the demo zones (after loadZones) their enterprises
// graded by 亩均效益, land figures, output targets and tiers (issue 19).
func loadZonesII(ctx context.Context, db *store.DB, actor store.Actor) error {
	zs := demoZones()
	if err := loadZoneEnterprises(ctx, db, actor, zs); err != nil {
		return err
	}
	return db.PutZoneFigures(ctx, actor, zoneFigures(zs))
}
