package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"invest.ledger":      {"招商引资项目台账", "Investment project ledger"},
		"invest.id":          {"项目编号", "Project code"},
		"invest.name":        {"项目名称", "Project"},
		"invest.investor":    {"投资方", "Investor"},
		"invest.origin":      {"投资方所在地", "Investor from"},
		"invest.stage":       {"阶段", "Stage"},
		"invest.signedOn":    {"签约日期", "Signed on"},
		"invest.event":       {"签约活动", "Signing event"},
		"invest.amount":      {"协议投资额（亿元）", "Contract amount (100m yuan)"},
		"invest.counted":     {"到位资金（亿元）", "Funds in place (100m yuan)"},
		"invest.allFunds":    {"各来源合计", "All sources"},
		"invest.warnings":    {"提示", "Warnings"},
		"invest.overFunded":  {"到位资金超过协议投资额", "Funds in place above the contract amount"},
		"invest.overdue":     {"逾期未开工", "Overdue, not started"},
		"invest.notCounted":  {"部分资金按来源或凭证不计入", "Some funds do not count (source or evidence)"},
		"invest.onlyWarn":    {"只看到位资金超过投资额的", "Only funds above the amount"},
		"invest.query":       {"编号、名称或投资方", "Code, name or investor"},
		"invest.allStages":   {"全部阶段", "All stages"},
		"invest.allYears":    {"全部年份", "All years"},
		"invest.count":       {"共 %d 个项目", "%d projects"},
		"invest.prev.page":   {"上一页", "Previous"},
		"invest.next.page":   {"下一页", "Next"},
		"invest.talksHidden": {"洽谈、线索阶段的项目只在所在县区内可见。", "Projects at the lead and talks stages are visible only inside their county."},
		"invest.increaseOf":  {"增资对象", "Increase of"},
		"invest.relocation":  {"迁建", "Relocation"},
	})
}

// investProjectsView is the data of /invest/projects.
type investProjectsView struct {
	Rows              []investProjectLine
	Total             int
	Filter            store.InvestProjectFilter
	Stages            []invest.Stage
	Years             []int
	Prefectures       []choice // for users who see more than one prefecture
	Counties          []choice
	Prev, Next        string // page links, "" when none
	Stage, Prefecture string
	Year              string
}

// investProjectLine is a project of the list with its warnings.
type investProjectLine struct {
	store.InvestProjectRow
	CountyName string
	Warnings   []string // message keys
}

const investPageSize = 50

// investProjects is the ledger (/invest/projects): the current projects
// the caller may read (auth.InvestLedgerScope; 线索 and 洽谈 only inside
// their county), filtered by ?prefecture=, ?county=, ?stage=, ?year=, ?q=
// and ?over=1 (funds in place above the contract amount), 50 a page
// (?page=), with each project's warnings.
func (s *Server) investProjects(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	scope, ok := auth.InvestLedgerScope(u, c.anonymous())
	if !ok {
		return deny(c, "read the investment ledger")
	}
	q := r.URL.Query()
	f := store.InvestProjectFilter{Stage: invest.Stage(q.Get("stage")), Query: strings.TrimSpace(q.Get("q")),
		OverFunded: q.Get("over") == "1", Limit: investPageSize}
	if !f.Stage.Valid() {
		f.Stage = ""
	}
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= 1990 && y <= 2100 {
		f.Year = y
	}
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	f.Offset = (page - 1) * investPageSize
	switch {
	case scope.County != "":
		f.County = scope.County
	case scope.Prefecture != "":
		f.Prefecture = scope.Prefecture
	}
	if p := q.Get("prefecture"); scope.All && len(p) == 6 {
		f.Prefecture = p
	}
	if cc := q.Get("county"); cc != "" && scope.Covers(cc) {
		f.County = cc
	}
	if u.Role == auth.RoleCounty {
		f.TalksCounty = u.Unit
	}
	rows, total, err := s.db.InvestProjects(r.Context(), f)
	if err != nil {
		return err
	}
	names, err := s.unitNames(r.Context())
	if err != nil {
		return err
	}
	v := investProjectsView{Total: total, Filter: f, Stages: invest.Stages, Stage: string(f.Stage),
		Prefecture: f.Prefecture}
	if f.Year != 0 {
		v.Year = strconv.Itoa(f.Year)
	}
	for y := time.Now().Year(); y >= 2013; y-- { // the demo's cohort signed in 2013
		v.Years = append(v.Years, y)
	}
	for _, un := range names {
		switch {
		case un.Kind == store.UnitPrefecture && scope.All:
			v.Prefectures = append(v.Prefectures, choice{un.Code, un.Name})
		case un.Kind == store.UnitCounty && scope.Covers(un.Code) && (f.Prefecture == "" || invest.PrefectureOf(un.Code) == f.Prefecture):
			v.Counties = append(v.Counties, choice{un.Code, un.Name})
		}
	}
	sortChoices(v.Prefectures)
	sortChoices(v.Counties)
	last := invest.Month(0)
	if last, err = s.db.InvestLastMonth(r.Context()); err != nil {
		return err
	}
	cutoff := invest.Options{To: last, OverdueMonths: invest.DefaultOverdueMonths}.OverdueCutoff()
	for _, row := range rows {
		line := investProjectLine{InvestProjectRow: row, CountyName: names[row.County].Name}
		line.Warnings = investWarnings(&row, last, cutoff)
		v.Rows = append(v.Rows, line)
	}
	link := func(p int) string {
		qq := url.Values{}
		for k, vs := range q {
			qq[k] = vs
		}
		qq.Set("page", strconv.Itoa(p))
		return "/invest/projects?" + qq.Encode()
	}
	if page > 1 {
		v.Prev = link(page - 1)
	}
	if f.Offset+len(rows) < total {
		v.Next = link(page + 1)
	}
	s.render(w, r, http.StatusOK, "invest_projects", v)
	return nil
}

// investWarnings are the message keys of what looks wrong with a project
// as of month last: counted funds above its contract amount (协议投资额,
// the amount recorded when it entered the ledger), overdue (rule 6), funds
// rows that do not count.
func investWarnings(row *store.InvestProjectRow, last invest.Month, cutoff invest.Day) []string {
	var out []string
	if row.Amount > 0 && row.Counted > row.Amount {
		out = append(out, "invest.overFunded")
	}
	if last != 0 && invest.IsOverdue(&row.Project, last, cutoff) {
		out = append(out, "invest.overdue")
	}
	if row.All != row.Counted {
		out = append(out, "invest.notCounted")
	}
	return out
}

// sortChoices orders choices by code.
func sortChoices(cs []choice) {
	slices.SortFunc(cs, func(a, b choice) int { return cmp.Compare(a.Code, b.Code) })
}
