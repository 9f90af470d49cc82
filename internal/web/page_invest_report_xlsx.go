package web

import (
	"math"
	"net/http"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

func init() {
	registerUI(map[string][2]string{
		"invest.x.title":     {"招商引资情况月报", "Monthly investment attraction report"},
		"invest.x.form":      {"表号：GTT01（月报）", "Form GTT01 (monthly)"},
		"invest.x.unit":      {"填报单位：%s", "Reporting unit: %s"},
		"invest.x.period":    {"报告期：%d 年 1–%d 月", "Period: January–%[2]d/%[1]d"},
		"invest.x.measure":   {"计量单位：个、亿元、%", "Units: projects, 100m yuan, %"},
		"invest.x.head":      {"负责人：", "Head: "},
		"invest.x.filler":    {"填表人：%s", "Filled in by: %s"},
		"invest.x.date":      {"报出日期：%s", "Date: %s"},
		"invest.x.place":     {"地区", "Place"},
		"invest.x.intraProv": {"其中省内市州域外", "of which from elsewhere in Gansu"},
		"invest.x.sheet":     {"月报", "Report"},
		"invest.x.rule":      {"说明：全省为省外及境外投资方口径，市州、县区为市州域外口径；比率为本年签约项目截至报告期末的跟踪情况。", "Note: the province counts investors from outside Gansu, prefectures and counties those from outside the prefecture; rates follow the projects signed this year up to the period's end."},
	})
}

// investReportXLSX is the monthly report (GET /invest/report.xlsx?month=):
// the provincial statistical report's layout — a header block (填报单位,
// 报告期, 计量单位, 负责人, 填表人, 报出日期), then for the province, each
// prefecture and its counties the projects signed and amounts, funds in
// place with the parts from abroad, other provinces and elsewhere in
// Gansu, the same period of last year, growth and the rates of the year's
// signed projects — from January to the month. A caller gets the places
// of her scope.
func (s *Server) investReportXLSX(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	scope, ok := auth.InvestLedgerScope(u, c.anonymous())
	if !ok {
		return deny(c, "download the investment report")
	}
	m, ok := invest.ParseMonth(r.URL.Query().Get("month"))
	if !ok {
		return invalid("month %q: want YYYY-MM", r.URL.Query().Get("month"))
	}
	ctx := r.Context()
	lang := pageLang(r)
	names, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	o := invest.Options{Scope: invest.ScopePrefecture, From: invest.Month(m.Year()*100 + 1), To: m, CohortYear: m.Year(),
		OverdueMonths: invest.DefaultOverdueMonths}
	levels := map[invest.Level][]invest.Row{}
	for _, lv := range []invest.Level{invest.LevelProvince, invest.LevelPrefecture, invest.LevelCounty} {
		o.Level = lv
		if levels[lv], err = s.db.InvestMetrics(ctx, o); err != nil {
			return err
		}
	}
	unitName := names[invest.Province].Name
	switch {
	case scope.Prefecture != "":
		unitName = names[scope.Prefecture].Name
	case scope.County != "":
		unitName = names[scope.County].Name
	}
	filler := c.user.DisplayName
	if filler == "" {
		filler = c.user.Username
	}
	rows := [][]any{
		{ui(lang, "invest.x.title")},
		{ui(lang, "invest.x.form"), "", "", ui(lang, "invest.x.unit", unitName), "", "", "", ui(lang, "invest.x.period", m.Year(), int(m)%100),
			"", "", ui(lang, "invest.x.measure")},
		{ui(lang, "invest.x.head"), "", "", ui(lang, "invest.x.filler", filler), "", "", "",
			ui(lang, "invest.x.date", time.Now().In(chinaDay).Format(time.DateOnly))},
		{},
		{ui(lang, "invest.x.place"), ui(lang, "common.code"), ui(lang, "invest.signed"), ui(lang, "invest.signedAmount"),
			ui(lang, "invest.funds"), ui(lang, "invest.abroad"), ui(lang, "invest.outsideProv"), ui(lang, "invest.x.intraProv"),
			ui(lang, "invest.prev"), ui(lang, "invest.yoy"), ui(lang, "invest.inPlaceRate"), ui(lang, "invest.startRate"),
			ui(lang, "invest.completionRate")},
	}
	line := func(indent string, r *invest.Row, level invest.Level) []any {
		intra := r.Funds - r.FundsAbroad - r.FundsOutsideProvince // the rest of a prefecture's or county's outside funds
		if level == invest.LevelProvince {
			intra = math.NaN() // not counted at the province
		}
		return []any{indent + names[r.Unit].Name, r.Unit, r.SignedCount, round2(r.SignedAmount), round2(r.Funds),
			round2(r.FundsAbroad), round2(r.FundsOutsideProvince), round2(intra), round2(r.FundsPrev), percent(r.YoY),
			percent(r.InPlaceRate), percent(r.StartRate), percent(r.CompletionRate)}
	}
	if scope.All {
		for i := range levels[invest.LevelProvince] {
			rows = append(rows, line("", &levels[invest.LevelProvince][i], invest.LevelProvince))
		}
	}
	// Every prefecture and county of the catalogue has its line, with
	// zeros where the ledger has no project.
	byUnit := map[string]*invest.Row{}
	for _, lv := range []invest.Level{invest.LevelPrefecture, invest.LevelCounty} {
		for i := range levels[lv] {
			byUnit[levels[lv][i].Unit] = &levels[lv][i]
		}
	}
	of := func(code string) *invest.Row {
		if r := byUnit[code]; r != nil {
			return r
		}
		nan := math.NaN()
		return &invest.Row{Unit: code, YoY: nan, InPlaceRate: nan, StartRate: nan, CompletionRate: nan}
	}
	var prefs, counties []string
	for code, un := range names {
		switch un.Kind {
		case store.UnitPrefecture:
			prefs = append(prefs, code)
		case store.UnitCounty:
			counties = append(counties, code)
		}
	}
	slices.Sort(prefs)
	slices.Sort(counties)
	for _, p := range prefs {
		if scope.All || scope.Prefecture == p {
			rows = append(rows, line("", of(p), invest.LevelPrefecture))
		}
		for _, cc := range counties {
			if invest.PrefectureOf(cc) == p && scope.Covers(cc) {
				rows = append(rows, line("　", of(cc), invest.LevelCounty))
			}
		}
	}
	rows = append(rows, []any{}, []any{ui(lang, "invest.x.rule")})
	sheet := xlsx.Sheet{Name: ui(lang, "invest.x.sheet"), Rows: rows, Widths: []float64{16, 9, 10, 12, 12, 10, 10, 12, 12, 10, 9, 9, 9}}
	return writeXLSX(w, "invest-"+m.String()+".xlsx", []xlsx.Sheet{sheet})
}

// round2 rounds an amount to the 0.01 亿元 of the report; NaN stays empty.
func round2(v float64) any {
	if math.IsNaN(v) {
		return ""
	}
	return math.Round(v*100) / 100
}

// percent is a rate in per cent with two decimals; empty when undefined.
func percent(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return math.Round(v*10000) / 100
}
