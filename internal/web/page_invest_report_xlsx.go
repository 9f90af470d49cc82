package web

import (
	"math"
	"net/http"
	"net/url"
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
		"invest.x.pdf":       {"下载 PDF", "Download PDF"},
		"invest.x.xlsx":      {"下载 Excel", "Download Excel"},
		"invest.x.rule":      {"说明：全省为省外及境外投资方口径，市州、县区为市州域外口径；比率为本年签约项目截至报告期末的跟踪情况。", "Note: the province counts investors from outside Gansu, prefectures and counties those from outside the prefecture; rates follow the projects signed this year up to the period's end."},
	})
}

// investReportView is the monthly report of the provincial statistical
// report system's layout: its header block and one line per place.
type investReportView struct {
	Month              invest.Month
	Year, Through      int
	Unit, Filler, Date string
	Head               []string // the column heads
	Lines              []investReportLine
}

// investReportLine is a place's line: its name (indented for a county),
// code and figures (numbers, or "" where undefined).
type investReportLine struct {
	Name, Code string
	County     bool
	Values     []any
}

// investReport builds the monthly report for ?month= (January to the
// month): the province (for the provincial scope), then each prefecture
// of the caller's scope followed by its counties, every place of the
// catalogue with its line — projects signed and amounts, funds in place
// with the parts from abroad, other provinces and elsewhere in Gansu, the
// same period of last year, growth and the rates of the year's signed
// projects.
func (s *Server) investReport(r *http.Request) (*investReportView, error) {
	c := callerOf(r)
	scope, ok := auth.InvestLedgerScope(c.principal(), c.anonymous())
	if !ok {
		return nil, deny(c, "read the investment report")
	}
	ctx := r.Context()
	q := r.URL.Query().Get("month")
	m, ok := invest.ParseMonth(q)
	if q == "" { // the newest month of the ledger
		last, err := s.db.InvestLastMonth(ctx)
		if err != nil {
			return nil, err
		}
		m, ok = last, last != 0
	}
	if !ok {
		return nil, invalid("bad.month", q)
	}
	lang := pageLang(r)
	names, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	o := invest.Options{Scope: invest.ScopePrefecture, From: invest.Month(m.Year()*100 + 1), To: m, CohortYear: m.Year(),
		OverdueMonths: invest.DefaultOverdueMonths}
	byUnit := map[string]*invest.Row{}
	for _, lv := range []invest.Level{invest.LevelProvince, invest.LevelPrefecture, invest.LevelCounty} {
		o.Level = lv
		rows, err := s.ledgerMetrics(r, o)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			byUnit[rows[i].Unit] = &rows[i]
		}
	}
	v := &investReportView{Month: m, Year: m.Year(), Through: int(m) % 100, Unit: names[invest.Province].Name,
		Filler: c.user.DisplayName, Date: time.Now().In(chinaDay).Format(time.DateOnly)}
	switch {
	case scope.Prefecture != "":
		v.Unit = names[scope.Prefecture].Name
	case scope.County != "":
		v.Unit = names[scope.County].Name
	}
	if v.Filler == "" {
		v.Filler = c.user.Username
	}
	for _, k := range []string{"invest.x.place", "common.code", "invest.signed", "invest.signedAmount", "invest.funds",
		"invest.abroad", "invest.outsideProv", "invest.x.intraProv", "invest.prev", "invest.yoy", "invest.inPlaceRate",
		"invest.startRate", "invest.completionRate"} {
		v.Head = append(v.Head, ui(lang, k))
	}
	line := func(code string, county bool) investReportLine {
		r := byUnit[code]
		if r == nil {
			nan := math.NaN()
			r = &invest.Row{Unit: code, YoY: nan, InPlaceRate: nan, StartRate: nan, CompletionRate: nan}
		}
		intra := r.Funds - r.FundsAbroad - r.FundsOutsideProvince // the rest of a prefecture's or county's outside funds
		if code == invest.Province {
			intra = math.NaN() // not counted at the province
		}
		return investReportLine{Name: names[code].Name, Code: code, County: county, Values: []any{r.SignedCount,
			round2(r.SignedAmount), round2(r.Funds), round2(r.FundsAbroad), round2(r.FundsOutsideProvince), round2(intra),
			round2(r.FundsPrev), percent(r.YoY), percent(r.InPlaceRate), percent(r.StartRate), percent(r.CompletionRate)}}
	}
	if scope.All {
		v.Lines = append(v.Lines, line(invest.Province, false))
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
			v.Lines = append(v.Lines, line(p, false))
		}
		for _, cc := range counties {
			if invest.PrefectureOf(cc) == p && scope.Covers(cc) {
				v.Lines = append(v.Lines, line(cc, true))
			}
		}
	}
	return v, nil
}

// investReportXLSX is the monthly report as a workbook (GET
// /invest/report.xlsx?month=): the header block (表号, 填报单位, 报告期,
// 计量单位, 负责人, 填表人, 报出日期), the column heads and the lines.
func (s *Server) investReportXLSX(w http.ResponseWriter, r *http.Request) error {
	v, err := s.investReport(r)
	if err != nil {
		return err
	}
	lang := pageLang(r)
	rows := [][]any{
		{ui(lang, "invest.x.title")},
		{ui(lang, "invest.x.form"), "", "", ui(lang, "invest.x.unit", v.Unit), "", "", "", ui(lang, "invest.x.period", v.Year, v.Through),
			"", "", ui(lang, "invest.x.measure")},
		{ui(lang, "invest.x.head"), "", "", ui(lang, "invest.x.filler", v.Filler), "", "", "", ui(lang, "invest.x.date", v.Date)},
		{},
	}
	head := make([]any, len(v.Head))
	for i, h := range v.Head {
		head[i] = h
	}
	rows = append(rows, head)
	for _, l := range v.Lines {
		name := l.Name
		if l.County {
			name = "　" + name
		}
		rows = append(rows, append([]any{name, l.Code}, l.Values...))
	}
	rows = append(rows, []any{}, []any{ui(lang, "invest.x.rule")})
	sheet := xlsx.Sheet{Name: ui(lang, "invest.x.sheet"), Rows: rows, Widths: []float64{16, 9, 10, 12, 12, 10, 10, 12, 12, 10, 9, 9, 9}}
	return writeXLSX(w, "invest-"+v.Month.String()+".xlsx", []xlsx.Sheet{sheet})
}

// investReportPage is the monthly report as a page (GET
// /invest/report?month=), which /invest/report.pdf prints.
func (s *Server) investReportPage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.investReport(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "invest_report", v)
	return nil
}

// investReportPDF is the report's page printed by headless Chromium (GET
// /invest/report.pdf?month=).
func (s *Server) investReportPDF(w http.ResponseWriter, r *http.Request) error {
	v, err := s.investReport(r)
	if err != nil {
		return err
	}
	return s.servePDF(w, r, "/invest/report", url.Values{"month": {v.Month.String()}}, "invest-"+v.Month.String()+".pdf", "pdf.noChromium")
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
