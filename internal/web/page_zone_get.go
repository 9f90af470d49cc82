package web

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

func init() {
	registerUI(map[string][2]string{
		"zone.profile":        {"开发区概况", "Zone profile"},
		"zone.host":           {"所在地", "Host"},
		"zone.approval":       {"批准文件与年份", "Approval"},
		"zone.area":           {"面积（公顷）：核准 / 规划 / 建成", "Area (ha): approved / planned / built"},
		"zone.industries":     {"主导产业", "Leading industries"},
		"zone.risk":           {"安全风险等级", "Safety risk class"},
		"zone.subparks":       {"园区（一区多园）", "Sub-parks"},
		"zone.share":          {"计分分成（产值 / 税收）", "Scoring split (output / tax)"},
		"zone.history":        {"历年等级", "Grade history"},
		"zone.absent":         {"未参评", "not assessed"},
		"zone.streak":         {"连续 %d 年被评为%s（%s 年起）", "%[2]s %[1]d years running (since %[3]s)"},
		"zone.asCode":         {"（原代码 %s）", " (as %s)"},
		"zone.indicators":     {"%d 年指标", "Indicators %d"},
		"zone.value":          {"数值", "Value"},
		"zone.indicator":      {"指标", "Indicator"},
		"zone.unit":           {"单位", "Unit"},
		"zone.iscore":         {"指标得分", "Score"},
		"zone.warnings":       {"动态管理预警", "Management warnings"},
		"zone.noWarnings":     {"本年度无预警。", "No warnings this year."},
		"zone.years":          {"触发年度：%s", "triggered by %s"},
		"zone.exempt":         {"符合 %s 条件，但予以豁免（%s）", "meets %s but is exempt (%s)"},
		"zone.exempt.new":     {"设立未满规定年限", "set up recently"},
		"zone.exempt.merging": {"正在整合", "being merged"},
		"zone.positions":      {"全国排名（外部公布）", "National list positions (published elsewhere)"},
		"zone.notAssessed":    {"%d 年未参加考核评价。", "Not assessed in %d."},
		"zone.notHeld":        {"%s 年未开展考核评价，不计入连续年数。", "No assessment was held in %s; those years do not count in streaks."},
	})
}

// zoneView is the data of /zones/{code}.
type zoneView struct {
	Year      int
	Zone      zone.Zone
	LevelKey  string
	HostName  string
	Row       *zonereport.Row
	Best      string
	StreakMsg string
	History   []zonereport.Held
	Subparks  []subparkView
	Values    []store.ZoneValue
	Positions []store.ZonePosition
	Warnings  []string
	Exempt    []string
	Sample    bool
	NotHeld   string       // years without an assessment between the first held one and the view's, 、-joined
	II        *zoneIIView  // enterprises by 亩均 class, land use and targets (page_zone_ii_view.go)
	Run       *zoneRunLink // the unpublished zone run shown (?run=), nil for published results
}

type subparkView struct {
	zone.Subpark
	HostName string
}

// zoneGet is GET /zones/{code}: a zone's profile — registry, grade history
// with its streak, the year's indicators and scores, sub-parks, national
// list positions and its management warnings (?year=, else the latest).
// Public.
func (s *Server) zoneGet(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Read); err != nil {
		return err
	}
	ctx := r.Context()
	lang := pageLang(r)
	code := r.PathValue("code")
	z, err := s.db.Zone(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("zone " + code)
	}
	if err != nil {
		return err
	}
	zv := zoneView{Zone: z, LevelKey: levelKey(z.Level)}
	if u, err := s.db.Unit(ctx, z.Host); err == nil {
		zv.HostName = u.Name
	}
	for _, sp := range z.Subparks {
		h := sp.Host
		if u, err := s.db.Unit(ctx, sp.Host); err == nil {
			h = u.Name
		}
		zv.Subparks = append(zv.Subparks, subparkView{Subpark: sp, HostName: h})
	}
	if zv.Positions, err = s.db.ZonePositions(ctx, code); err != nil {
		return err
	}
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	if zv.II, err = s.zoneII(r, z, year); err != nil {
		return err
	}
	v, err := s.zoneViewOf(r)
	if err != nil {
		return err
	}
	if v != nil {
		zv.Year, zv.Best, zv.Sample = v.Year, v.Best(), v.Method.Sample
		if unpublishedRun(v) {
			zv.Run = &zoneRunLink{ID: v.Run.ID, Year: v.Run.Period, StateKey: "state." + string(v.Run.State)}
		}
		zv.History = v.ZoneHistory(code)
		if row, ok := v.Row(code); ok {
			zv.Row = &row
			if row.Grade != "" && row.Streak > 0 {
				zv.StreakMsg = ui(lang, "zone.streak", row.Streak, row.Grade, row.StreakFrom)
			}
			for _, w := range row.Warnings {
				msg := w.Action + "：" + ui(lang, "zone.years", strings.Join(w.Years, "、"))
				if w.Tie {
					msg += "；" + ui(lang, "zones.tie")
				}
				zv.Warnings = append(zv.Warnings, msg)
			}
			for _, e := range row.Exempt {
				zv.Exempt = append(zv.Exempt, ui(lang, "zone.exempt", e.Action, ui(lang, "zone.exempt."+e.Reason)))
			}
		}
		if unpublishedRun(v) {
			zv.Values, err = s.db.ZoneRunValues(ctx, v.Run.ID, code)
		} else {
			zv.Values, err = s.db.ZoneValues(ctx, code, v.Year)
		}
		if err != nil {
			return err
		}
		// In the method's order of indicators, not by code.
		order := map[string]int{}
		for i, ind := range v.Method.Indicators {
			order[ind.Code] = i
		}
		slices.SortStableFunc(zv.Values, func(a, b store.ZoneValue) int { return cmp.Compare(order[a.Indicator], order[b.Indicator]) })
		for i := range zv.Values { // the method's English names on English pages
			if k, ok := order[zv.Values[i].Indicator]; ok {
				zv.Values[i].Name = pickLang(lang, zv.Values[i].Name, v.Method.Indicators[k].NameEn)
			}
		}
		var gaps []string
		for y := v.Years[0] + 1; y < v.Year; y++ {
			if !slices.Contains(v.Years, y) {
				gaps = append(gaps, strconv.Itoa(y))
			}
		}
		zv.NotHeld = strings.Join(gaps, "、")
	}
	s.render(w, r, http.StatusOK, "zone", zv)
	return nil
}
