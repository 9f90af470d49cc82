package web

import (
	"context"
	"errors"
	"math"
	"net/http"
	"slices"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zone/target"
	"github.com/qiangxian/qiangxian/internal/zonereport"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

func init() {
	registerUI(map[string][2]string{
		"zii.mujun":                 {"%d 年亩均效益分类", "Classes by output per mu, %d"},
		"zii.count":                 {"企业 %d 家，参评 %d 家；开发区亩均税收 %s 万元/亩", "%d enterprises, %d graded; the zone's tax per mu %s (10k yuan)"},
		"mujun.ind.tax_per_mu":      {"亩均税收", "Tax per mu"},
		"mujun.ind.va_per_mu":       {"亩均增加值", "Value added per mu"},
		"mujun.ind.output_per_mu":   {"亩均产值", "Output per mu"},
		"mujun.ind.va_per_energy":   {"单位能耗增加值", "Value added per tce of energy"},
		"mujun.ind.va_per_emission": {"单位排放增加值", "Value added per unit of emissions"},
		"mujun.ind.rd_share":        {"研发投入占比", "R&D spending / output"},
		"mujun.ind.va_per_employee": {"全员劳动生产率", "Value added per employee"},
		"zii.class":                 {"%s类", "Class %s"},
		"zii.enterprises":           {"企业数", "Enterprises"},
		"zii.share":                 {"占参评比重", "Share of graded"},
		"zii.policies":              {"差别化政策", "Differentiated policies"},
		"zii.list":                  {"企业名单", "Enterprises"},
		"zii.listHidden":            {"企业名单与经营数据仅对省县域经济办、所在市州与所在县区开放。", "The list of enterprises and their figures is open to the provincial office, the prefecture and the host county only."},
		"zii.name":                  {"企业名称", "Enterprise"},
		"zii.industry":              {"行业代码", "Industry code"},
		"zii.score":                 {"得分", "Score"},
		"zii.notGraded":             {"未参评", "not graded"},
		"zii.ungraded":              {"%d 年企业尚未分类。", "The enterprises of %d are not graded yet."},
		"zii.land":                  {"%s 年土地集约利用", "Land use, %s"},
		"zii.figure":                {"指标", "Figure"},
		"zii.definition":            {"计算方法", "Definition"},
		"zii.targets":               {"产值目标", "Output targets"},
		"zii.targetLine":            {"%d 年%s达到 %s 亿元", "%[2]s of %[3]s (100 million yuan) by %[1]d"},
		"zii.current":               {"%d 年 %s 亿元，完成 %s", "%s (100 million yuan) in %d: %s of the target"},
		"zii.needed":                {"此后每年需增长 %s，上年实际增长 %s", "needs %s a year from now on; grew %s last year"},
		"zii.onTrack":               {"进度正常", "on track"},
		"zii.offTrack":              {"进度滞后", "behind"},
		"zii.met":                   {"已完成", "met"},
		"zii.missed":                {"未完成", "missed"},
		"zii.tiers":                 {"%d 年%s分档", "Tiers of %[2]s, %[1]d"},
		"zii.tier":                  {"档次", "Tier"},
		"zii.band":                  {"区间（亿元）", "Band (100 million yuan)"},
		"zii.zones":                 {"开发区数", "Zones"},
		"zii.target":                {"全省目标", "Province's target"},
		"zii.members":               {"开发区", "Zones"},
		"zii.clusters":              {"产业集群", "Industrial clusters"},
		"zii.gap":                   {"差 %d 个", "%d short"},
		"zii.reached":               {"已达到", "reached"},
		"land.development":          {"土地开发率", "Land development rate"},
		"land.supply":               {"土地供应率", "Land supply rate"},
		"land.built":                {"土地建成率", "Land built-up rate"},
		"land.plot":                 {"综合容积率", "Plot ratio"},
		"land.iplot":                {"工业用地综合容积率", "Industrial plot ratio"},
		"land.invest":               {"工业用地固定资产投入强度（万元/公顷）", "Fixed investment per ha of industrial land (10k yuan)"},
		"land.tax":                  {"综合地均税收（万元/公顷）", "Tax per ha of built land (10k yuan)"},
		"land.itax":                 {"工业用地地均税收（万元/公顷）", "Tax per ha of industrial land (10k yuan)"},
		"land.idle":                 {"土地闲置率", "Idle land rate"},
		"land.unsupplied":           {"批而未供土地处置率", "Disposal rate of approved but unsupplied land"},
		"land.idleDisp":             {"闲置土地处置率", "Disposal rate of idle land"},
		"land.def.development":      {"已达到供地条件的土地面积 ÷ 开发区土地总面积", "land ready for supply ÷ the zone's total land"},
		"land.def.supply":           {"已供应国有建设用地面积 ÷ 已达到供地条件的土地面积", "state construction land supplied ÷ land ready for supply"},
		"land.def.built":            {"已建成城镇建设用地面积 ÷ 已供应国有建设用地面积", "built-up land ÷ land supplied"},
		"land.def.plot":             {"总建筑面积 ÷ 已建成城镇建设用地面积", "total floor area ÷ built-up land"},
		"land.def.iplot":            {"工业用地总建筑面积 ÷ 已建成工业用地面积", "floor area on industrial land ÷ built-up industrial land"},
		"land.def.invest":           {"工业企业累计固定资产投资 ÷ 已建成工业用地面积", "cumulative fixed investment of industrial firms ÷ built-up industrial land"},
		"land.def.tax":              {"税收总额 ÷ 已建成城镇建设用地面积", "total tax ÷ built-up land"},
		"land.def.itax":             {"工业企业税收总额 ÷ 已建成工业用地面积", "tax of industrial firms ÷ built-up industrial land"},
		"land.def.idle":             {"闲置土地面积 ÷ 已供应国有建设用地面积", "idle land ÷ land supplied"},
		"land.def.unsupplied":       {"本年处置的批而未供土地 ÷ 批而未供土地面积", "approved but unsupplied land disposed of this year ÷ approved but unsupplied land"},
		"land.def.idleDisp":         {"本年处置的闲置土地 ÷ 闲置土地面积", "idle land disposed of ÷ idle land"},
	})
}

// landKeys are the UI keys of landuse.Columns, in their order, and
// whether the figure is a rate (shown in percent).
var landKeys = []struct {
	key  string
	rate bool
}{{"development", true}, {"supply", true}, {"built", true}, {"plot", false}, {"iplot", false}, {"invest", false},
	{"tax", false}, {"itax", false}, {"idle", true}, {"unsupplied", true}, {"idleDisp", true}}

// zoneIIView is the part of a zone's profile from its enterprises, land
// and targets (issue 19).
type zoneIIView struct {
	Year, Enterprises, Graded int
	TaxPerMu                  float64
	Classes                   []classView
	CanList                   bool
	List                      []entRowView
	Ungraded                  bool
	LandYear                  string
	Land                      []landRowView
	Targets                   []targetView
}

type classView struct {
	Name     string
	Count    int
	Share    string // in percent
	Policies []string
}

type entRowView struct {
	USCC, Name, Industry, Class string
	Eligible                    bool
	Score                       float64
	Rank                        int
}

type landRowView struct {
	Key, Value string
}

type targetView struct {
	target.Progress
	Bar             int    // progress in percent, 0–100 for the bar
	Current, Needed string // the sentences under the bar
}

// zoneScope is where z sits, for auth.CanZoneEnterprise.
func (s *Server) zoneScope(ctx context.Context, z zone.Zone) auth.ZoneScope {
	sc := auth.ZoneScope{Zone: z.Code, Host: z.Host, Prefecture: z.Host}
	if u, err := s.db.Unit(ctx, z.Host); err == nil && u.Kind == store.UnitCounty {
		sc.Prefecture = u.Parent
	}
	return sc
}

// zoneII builds the view of z's enterprises of year (0: the latest), land
// and targets; nil when the store holds none of them.
func (s *Server) zoneII(r *http.Request, z zone.Zone, year int) (*zoneIIView, error) {
	ctx, lang := r.Context(), pageLang(r)
	d, err := zonestats.Load(ctx, s.db, year, z.Code)
	if errors.Is(err, store.ErrNotFound) {
		d, err = zonestats.Load(ctx, s.db, 0, z.Code)
	}
	if err != nil {
		return nil, err
	}
	v := &zoneIIView{Year: d.Year, Enterprises: len(d.Enterprises), TaxPerMu: math.NaN()}
	v.CanList = auth.CanZoneEnterprise(callerOf(r).principal(), auth.Read, s.zoneScope(ctx, z))
	if ru := d.Rollups[z.Code]; ru != nil {
		v.Graded, v.TaxPerMu = ru.Graded, ru.TaxPerMu()
		if d.Scheme != nil {
			for _, c := range d.Scheme.Classes {
				v.Classes = append(v.Classes, classView{Name: c.Name, Count: ru.Counts[c.Name], Share: pctText(ru.Share(c.Name)), Policies: c.Policies})
			}
		}
	}
	v.Ungraded = d.Scheme == nil && len(d.Enterprises) > 0
	if v.CanList {
		gs := map[string]*store.ZoneEnterpriseGrade{}
		for i := range d.Grading.Grades {
			gs[d.Grading.Grades[i].USCC] = &d.Grading.Grades[i]
		}
		for _, e := range d.Enterprises {
			row := entRowView{USCC: e.USCC, Name: e.Name, Industry: e.Industry, Score: math.NaN()}
			if g := gs[e.USCC]; g != nil {
				row.Eligible, row.Class, row.Score, row.Rank = g.Eligible, g.Class, g.Score, g.Rank
			}
			v.List = append(v.List, row)
		}
		order := map[string]int{}
		if d.Scheme != nil {
			for i, c := range d.Scheme.Classes {
				order[c.Name] = i + 1
			}
		}
		slices.SortStableFunc(v.List, func(a, b entRowView) int {
			oa, ob := order[a.Class], order[b.Class]
			if oa == 0 {
				oa = len(order) + 1
			}
			if ob == 0 {
				ob = len(order) + 1
			}
			if oa != ob {
				return oa - ob
			}
			return a.Rank - b.Rank
		})
	}
	if l, rates, ok := d.LandOf(z.Code, d.Year); ok {
		v.LandYear = l.Year
		for i, x := range rates.Values() {
			val := fixed(x, 2)
			if landKeys[i].rate {
				val = pctText(x)
			}
			v.Land = append(v.Land, landRowView{Key: landKeys[i].key, Value: val})
		}
	}
	for _, p := range d.Progress(z.Code) {
		tv := targetView{Progress: p, Needed: ui(lang, "zii.needed", pctText(p.Needed), pctText(p.Growth))}
		if !math.IsNaN(p.Ratio) {
			tv.Bar = int(math.Round(100 * min(max(p.Ratio, 0), 1)))
		}
		if lang == locale.EN {
			tv.Current = ui(lang, "zii.current", plainNum(p.Current), p.At, pctText(p.Ratio))
		} else {
			tv.Current = ui(lang, "zii.current", p.At, plainNum(p.Current), pctText(p.Ratio))
		}
		v.Targets = append(v.Targets, tv)
	}
	if v.Enterprises == 0 && len(v.Land) == 0 && len(v.Targets) == 0 {
		return nil, nil
	}
	return v, nil
}

// pctText formats a fraction in percent with one decimal; a dash when
// undefined.
func pctText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return fixed(100*v, 1) + "%"
}

// tierView is the tier table of /zones.
type tierView struct {
	Year    int
	Measure string
	Rows    []tierRowView
}

type tierRowView struct {
	Cluster bool
	target.TierCount
	Band  string
	Names []string
	Gap   int // target − count, when positive
}

// zoneTiers builds the tier table from the stored tiers file and values;
// nil when there is none. names maps zone codes to names.
func (s *Server) zoneTiers(ctx context.Context, names map[string]string) (*tierView, error) {
	d, err := zonestats.LoadTargets(ctx, s.db)
	if err != nil || d.Tiers == nil {
		return nil, err
	}
	y := d.TierYear()
	if y == 0 {
		return nil, nil
	}
	v := &tierView{Year: y, Measure: d.Tiers.Measure}
	for _, tc := range d.Tiers.Count(d.Actuals, y) {
		row := tierRowView{Cluster: tc.Kind == "cluster", TierCount: tc, Band: "≥ " + plainNum(tc.Tier.Min)}
		if tc.Tier.Max != nil {
			row.Band = plainNum(tc.Tier.Min) + "–" + plainNum(*tc.Tier.Max)
		}
		for _, u := range tc.Units {
			n := names[u]
			if n == "" {
				n = u
			}
			row.Names = append(row.Names, n)
		}
		if tc.Target != nil {
			row.Gap = max(*tc.Target-len(tc.Units), 0)
		}
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// zoneNames maps the codes of v's zones to their names.
func zoneNames(v *zonereport.View) map[string]string {
	m := make(map[string]string, len(v.Zones))
	for code, z := range v.Zones {
		m[code] = z.Name
	}
	return m
}

// indicatorName is a scheme indicator's name in lang: the scheme's own in
// Chinese, the English name of its key in English.
func indicatorName(lang locale.Lang, in mujun.Indicator) string {
	if lang == locale.EN {
		return ui(lang, "mujun.ind."+in.Key)
	}
	return in.Name
}
