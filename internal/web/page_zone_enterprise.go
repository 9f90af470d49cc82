package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
)

func init() {
	registerUI(map[string][2]string{
		"zent.figures":   {"%d 年经营数据", "Figures of %d"},
		"zent.uscc":      {"统一社会信用代码", "Unified social credit code"},
		"zent.subpark":   {"所在园区", "Sub-park"},
		"zent.county":    {"所在县区", "Host county"},
		"zent.regulated": {"规模以上", "Above designated size"},
		"zent.yes":       {"是", "yes"},
		"zent.no":        {"否", "no"},
		"zent.land":      {"用地（亩）：自有 / 租入 / 租出 / 合计", "Land (mu): owned / leased in / leased out / used"},
		"zent.start":     {"投产年份", "Production started"},
		"zent.output":    {"工业总产值（万元）", "Output (10k yuan)"},
		"zent.va":        {"增加值（万元）", "Value added (10k yuan)"},
		"zent.tax":       {"实缴税收（万元，扣除退税）", "Tax paid net of refunds (10k yuan)"},
		"zent.energy":    {"综合能耗（吨标准煤）", "Energy (tce)"},
		"zent.emissions": {"主要污染物排放量", "Emissions"},
		"zent.rd":        {"研发投入（万元）", "R&D spending (10k yuan)"},
		"zent.employees": {"从业人员", "Employees"},
		"zent.accident":  {"本年发生重大安全或环境事故", "A major safety or environmental accident this year"},
		"zent.grading":   {"亩均效益评价", "Grading by output per mu"},
		"zent.ungraded":  {"%d 年尚未开展亩均效益评价。", "No grading for %d yet."},
		"zent.scheme":    {"评价方案：%s", "Scheme: %s"},
		"zent.indicator": {"指标", "Indicator"},
		"zent.value":     {"数值", "Value"},
		"zent.standard":  {"标准值", "Standard"},
		"zent.weight":    {"权重", "Weight"},
		"zent.cap":       {"封顶倍数", "Cap"},
		"zent.points":    {"得分", "Points"},
		"zent.formula":   {"得分 = 权重 × (数值 ÷ 标准值)，比值不低于 0、不超过封顶倍数；数值无法计算记 0 分。", "points = weight × min(max(value ÷ standard, 0), cap); a value that cannot be computed scores 0."},
		"zent.total":     {"合计得分 %s，全省参评企业中排第 %d 名", "Score %s, rank %d among the province's graded enterprises"},
		"zent.byScore":   {"按得分应为 %s 类（%s 类最低分 %s）", "The score alone gives class %s (class %s starts at %s)"},
		"zent.final":     {"最终分类：%s 类", "Final class: %s"},
		"zent.why":       {"说明", "Why"},
		"zent.notGraded": {"不参评", "Not graded"},
		"zent.eligible":  {"参评条件：用地 %s 亩（不少于 %s 亩），投产 %d 年（不少于 %d 年）", "Eligible: %s mu of land (at least %s), %d years in production (at least %d)"},
		"zent.policies":  {"%s 类企业适用的差别化政策", "Policies for class %s"},
		"zent.zoneLink":  {"返回开发区", "Back to the zone"},
	})
}

// zoneEntView is the data of /zones/{code}/enterprises/{uscc}.
type zoneEntView struct {
	Zone       zone.Zone
	E          store.ZoneEnterprise
	SubPark    string // the sub-park's name
	County     string // the host county's name
	Graded     bool   // the year was graded
	G          store.ZoneEnterpriseGrade
	SchemeName string
	Rows       []entIndicatorView
	Reasons    []string
	Eligible   string // the eligibility sentence, for a graded enterprise
	ByScore    string // the class its score gives, and that class's threshold
	Policies   []string
}

type entIndicatorView struct {
	Name                                 string
	Value, Standard, Weight, Cap, Points float64
}

// zoneEnterpriseGet is GET /zones/{code}/enterprises/{uscc}: an
// enterprise's figures of the year (?year=, else the latest) and its
// grading explained: each indicator's value against its standard and its
// points, the score and rank, the class its score gives, the final class
// and why (overrides, quota moves), and the class's policies. Only for
// those auth.CanZoneEnterprise lets read the zone's enterprises.
func (s *Server) zoneEnterpriseGet(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	lang := pageLang(r)
	z, err := s.db.Zone(ctx, r.PathValue("code"))
	if errors.Is(err, store.ErrNotFound) {
		return notFound("zone " + r.PathValue("code"))
	}
	if err != nil {
		return err
	}
	if c := callerOf(r); !auth.CanZoneEnterprise(c.principal(), auth.Read, s.zoneScope(ctx, z)) {
		return deny(c, "read the enterprises of zone "+z.Code)
	}
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	if year == 0 {
		ys, err := s.db.ZoneEnterpriseYears(ctx)
		if err != nil {
			return err
		}
		if len(ys) > 0 {
			year = ys[0]
		}
	}
	e, err := s.db.ZoneEnterprise(ctx, year, z.Code, r.PathValue("uscc"))
	if errors.Is(err, store.ErrNotFound) {
		return notFound("enterprise " + r.PathValue("uscc"))
	}
	if err != nil {
		return err
	}
	v := zoneEntView{Zone: z, E: e, SubPark: e.SubPark, County: e.County}
	for _, sp := range z.Subparks {
		if sp.Code == e.SubPark {
			v.SubPark = sp.Name
		}
	}
	if u, err := s.db.Unit(ctx, e.County); err == nil {
		v.County = u.Name
	}
	g, err := s.db.ZoneEnterpriseGrades(ctx, year, z.Code)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err == nil {
		if err := v.explain(lang, g, e); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "zone_enterprise", v)
	return nil
}

// explain fills in the grading of e from the year's grading g.
func (v *zoneEntView) explain(lang locale.Lang, g store.ZoneGrading, e store.ZoneEnterprise) error {
	sc, err := mujun.ParseScheme("scheme.toml", []byte(g.Scheme))
	if err != nil {
		return err
	}
	v.SchemeName = sc.Name
	for _, x := range g.Grades {
		if x.USCC == e.USCC {
			v.G, v.Graded = x, true
		}
	}
	if !v.Graded {
		return nil
	}
	v.Reasons = v.G.ReasonsZH
	if lang == locale.EN {
		v.Reasons = v.G.ReasonsEN
	}
	if !v.G.Eligible {
		return nil
	}
	m := e.Mujun()
	v.Eligible = ui(lang, "zent.eligible", plainNum(m.Land()), plainNum(sc.Eligibility.MinLand),
		e.Year-e.StartYear, sc.Eligibility.MinYears)
	for i, in := range sc.Indicators {
		row := entIndicatorView{Name: indicatorName(lang, in), Standard: in.Standard, Weight: in.Weight, Cap: in.Cap,
			Value: math.NaN(), Points: math.NaN()}
		if i < len(v.G.Values) {
			row.Value, row.Points = v.G.Values[i], v.G.Points[i]
		}
		v.Rows = append(v.Rows, row)
	}
	if k := sc.ClassIndex(v.G.ByScore); k >= 0 {
		v.ByScore = ui(lang, "zent.byScore", v.G.ByScore, v.G.ByScore, plainNum(sc.Classes[k].MinScore))
	}
	if k := sc.ClassIndex(v.G.Class); k >= 0 {
		v.Policies = sc.Classes[k].Policies
	}
	return nil
}
