package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	registerUI(map[string][2]string{
		"nav.invest":            {"招商引资", "Investment"},
		"invest.title":          {"招商引资情况", "Investment attraction"},
		"invest.through":        {"%d 年 1–%d 月", "January–%[2]d/%[1]d"},
		"invest.none":           {"还没有已发布的招商引资数据。", "No investment figures have been published yet."},
		"invest.signed":         {"签约项目（个）", "Projects signed"},
		"invest.signedAmount":   {"签约金额（亿元）", "Amount signed (100m yuan)"},
		"invest.funds":          {"到位资金（亿元）", "Funds in place (100m yuan)"},
		"invest.outsideProv":    {"其中省外", "of which from other provinces"},
		"invest.abroad":         {"其中境外", "of which from abroad"},
		"invest.prev":           {"上年同期", "Same period last year"},
		"invest.yoy":            {"同比增长", "Year on year"},
		"invest.inPlaceRate":    {"到位率", "In-place rate"},
		"invest.startRate":      {"开工率", "Start rate"},
		"invest.completionRate": {"建成率", "Completion rate"},
		"invest.byPref":         {"分市州", "By prefecture"},
		"invest.byMonth":        {"全省逐月到位资金（省外及境外，亿元）", "Funds in place by month, province (from outside Gansu, 100m yuan)"},
		"invest.thisYear":       {"本年", "This year"},
		"invest.lastYear":       {"上年", "Last year"},
		"invest.province":       {"全省", "Province"},
		"invest.badMonth":       {"月份“%s”有误，应为“年-月”，如 2023-06", "month %q: write it as year-month, e.g. 2023-06"},
		"invest.rule":           {"口径：全省数为省外及境外投资方；市州数为市州域外投资方（规则详见随程序提供的口径说明）；比率为本年签约项目截至本月的跟踪情况。", "Counting rules: the province counts investors from outside Gansu, a prefecture investors from outside it (see the counting rules shipped with the program); rates follow the projects signed this year up to the month."},
		"invest.year":           {"年份", "Year"},
		"invest.projects":       {"项目台账", "Project ledger"},
		"invest.review":         {"待我处理", "Waiting for me"},
	})
}

// investSummaryView is the data of /invest.
type investSummaryView struct {
	Year, Month int // the period: January to Month of Year
	Years       []int
	Province    investFigures
	Prefectures []investFigures
	MonthChart  map[string]any
	PrefChart   map[string]any
}

// investFigures is one place's line of the summary.
type investFigures struct {
	Code, Name                                    string
	Signed, SignedAmount, Funds, Outside, Abroad  float64
	Prev, YoY, InPlaceRate, StartRate, Completion float64
}

// investSummary is the public summary of the published months (/invest):
// funds in place, projects signed and year-on-year growth of the province
// and each prefecture from January to the last published month of the
// year (?year=, else the latest), with the 省外 and 境外 parts, the rates
// of the year's signed projects, and charts by month and prefecture.
// Figures only, no project: anyone may read it.
func (s *Server) investSummary(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	last, err := s.investPublishedThrough(ctx)
	if err != nil {
		return err
	}
	var v investSummaryView
	if last == 0 {
		s.render(w, r, http.StatusOK, "invest_summary", v)
		return nil
	}
	for y := last.Year(); y >= last.Year()-5; y-- {
		v.Years = append(v.Years, y)
	}
	v.Year, v.Month = last.Year(), int(last)%100
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y < last.Year() && y >= last.Year()-5 {
		v.Year, v.Month = y, 12
	}
	from, to := invest.Month(v.Year*100+1), invest.Month(v.Year*100+v.Month)
	names, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	figures := func(level invest.Level) ([]investFigures, error) {
		rows, err := s.ledgerMetrics(r, invest.Options{Level: level, Scope: invest.ScopePrefecture, From: from, To: to,
			CohortYear: v.Year, OverdueMonths: invest.DefaultOverdueMonths})
		if err != nil {
			return nil, err
		}
		out := make([]investFigures, len(rows))
		for i, r := range rows {
			out[i] = investFigures{Code: r.Unit, Name: names[r.Unit].Name, Signed: r.SignedCount, SignedAmount: r.SignedAmount,
				Funds: r.Funds, Outside: r.FundsOutsideProvince, Abroad: r.FundsAbroad, Prev: r.FundsPrev, YoY: r.YoY,
				InPlaceRate: r.InPlaceRate, StartRate: r.StartRate, Completion: r.CompletionRate}
		}
		return out, nil
	}
	prov, err := figures(invest.LevelProvince)
	if err != nil {
		return err
	}
	if len(prov) == 1 {
		v.Province = prov[0]
	}
	if v.Prefectures, err = figures(invest.LevelPrefecture); err != nil {
		return err
	}
	if v.MonthChart, err = s.investMonthChart(ctx, v.Year, to, pageLang(r) == locale.EN); err != nil {
		return err
	}
	v.PrefChart = investPrefChart(v.Prefectures)
	s.render(w, r, http.StatusOK, "invest_summary", v)
	return nil
}

// investPublishedThrough is the last month the public summary shows: the
// latest month the province published — or, for a ledger imported without
// the monthly reporting (no month task at all, as the demo), the last
// month with funds in place; 0 when none.
func (s *Server) investPublishedThrough(ctx context.Context) (invest.Month, error) {
	m, anyTask, err := s.db.InvestPublishedThrough(ctx)
	if err != nil || anyTask {
		return m, err
	}
	return s.db.InvestLastMonth(ctx)
}

// investMonthChart is the province's funds from outside Gansu by month of
// year up to to, beside the same months of the year before.
func (s *Server) investMonthChart(ctx context.Context, year int, to invest.Month, en bool) (map[string]any, error) {
	mf, err := s.db.InvestMonthlyFunds(ctx, invest.Month((year-1)*100+1), to)
	if err != nil {
		return nil, err
	}
	var this, prev [12]invest.Amount
	for _, m := range mf {
		if m.Origin != invest.OriginDomestic && m.Origin != invest.OriginAbroad {
			continue
		}
		if m.Month.Year() == year {
			this[int(m.Month)%100-1] += m.Amount
		} else {
			prev[int(m.Month)%100-1] += m.Amount
		}
	}
	n := int(to) % 100
	var x []string
	var a, b []any
	for i := 0; i < 12; i++ {
		if en {
			x = append(x, strconv.Itoa(i+1))
		} else {
			x = append(x, fmt.Sprintf("%d月", i+1))
		}
		if i < n {
			a = append(a, jsonNum(this[i].Yi()))
		} else {
			a = append(a, nil)
		}
		b = append(b, jsonNum(prev[i].Yi()))
	}
	label := func(zh, enText string) string {
		if en {
			return enText
		}
		return zh
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"top": 0},
		"grid":    map[string]any{"left": 50, "right": 20, "top": 30, "bottom": 30},
		"xAxis":   map[string]any{"type": "category", "data": x},
		"yAxis":   map[string]any{"type": "value"},
		"series": []map[string]any{
			{"name": label(fmt.Sprintf("%d年", year), strconv.Itoa(year)), "type": "bar", "data": a},
			{"name": label(fmt.Sprintf("%d年", year-1), strconv.Itoa(year-1)), "type": "line", "data": b},
		},
	}, nil
}

// investPrefChart is the prefectures' funds in place as a bar chart.
func investPrefChart(rows []investFigures) map[string]any {
	var x []string
	var y []any
	for _, r := range rows {
		name := r.Name
		if name == "" {
			name = r.Code
		}
		x = append(x, name)
		y = append(y, jsonNum(r.Funds))
	}
	return map[string]any{
		"tooltip": map[string]any{"trigger": "axis"},
		"grid":    map[string]any{"left": 50, "right": 20, "top": 20, "bottom": 60},
		"xAxis":   map[string]any{"type": "category", "data": x, "axisLabel": map[string]any{"interval": 0, "rotate": 30}},
		"yAxis":   map[string]any{"type": "value"},
		"series":  []map[string]any{{"type": "bar", "data": y}},
	}
}

// P formats a rate of the line for the template: {{.P .YoY}}.
func (investFigures) P(v float64) string { return pct(v) }

// pct formats a fraction as a percentage with two decimals, a dash when
// undefined.
func pct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(100*v, 'f', 2, 64) + " %"
}
