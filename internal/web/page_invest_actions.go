package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// chinaDay is the end of a day in China (UTC+8): a deadline or a
// reopening given as a date lasts to its midnight there.
var chinaDay = time.FixedZone("CST", 8*3600)

// endOfDay reads a form date YYYY-MM-DD as the end of that day in China.
func endOfDay(s string) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), chinaDay)
	if err != nil {
		return time.Time{}, invalid("bad.day", s)
	}
	return d.AddDate(0, 0, 1).Add(-time.Second), nil
}

// monthOf reads the path's month (YYYY-MM).
func monthOf(r *http.Request, name string) (invest.Month, error) {
	m, ok := invest.ParseMonth(r.PathValue(name))
	if !ok {
		return 0, invalid("bad.month", r.PathValue(name))
	}
	return m, nil
}

// investReportPost is a county's save or submit of its month's report
// (POST /invest/review/{month}: action=save|submit, projects, funds): a
// submitted report must read without a problem.
func (s *Server) investReportPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	if c.anonymous() || u.Role != auth.RoleCounty || u.Unit == "" {
		return deny(c, "report the county's investment ledger")
	}
	month, err := monthOf(r, "month")
	if err != nil {
		return err
	}
	a := store.InvestReportAction{Month: month, County: u.Unit, By: invest.AtCounty, Act: invest.ReportAction(r.PostFormValue("action")),
		Projects: r.PostFormValue("projects"), Funds: r.PostFormValue("funds")}
	if a.Act != invest.ActSave && a.Act != invest.ActSubmit {
		return invalid("bad.saveSubmit", a.Act)
	}
	if a.Act == invest.ActSubmit {
		if _, err := s.readInvestReport(r.Context(), u.Unit, a.Projects, a.Funds); err != nil {
			return err
		}
	}
	if _, err := s.db.ActOnInvestReport(r.Context(), c.actor(), a); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done="+string(a.Act), http.StatusSeeOther)
	return nil
}

// investReviewPost is a reviewer's pass or return of a county's report
// (POST /invest/review/{month}/{county}: action=pass|return, opinion): the
// prefecture for its counties, the province for all; the province's pass
// puts the report into the ledger.
func (s *Server) investReviewPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	county := r.PathValue("county")
	level := invest.ReportLevel(auth.InvestReportRole(u, county))
	if c.anonymous() || (level != invest.AtPrefecture && level != invest.AtProvince) {
		return deny(c, "review the investment report of "+county)
	}
	month, err := monthOf(r, "month")
	if err != nil {
		return err
	}
	a := store.InvestReportAction{Month: month, County: county, By: level, Act: invest.ReportAction(r.PostFormValue("action")),
		Opinion: strings.TrimSpace(r.PostFormValue("opinion"))}
	if a.Act != invest.ActPass && a.Act != invest.ActReturn {
		return invalid("bad.passReturn", a.Act)
	}
	if a.Act == invest.ActPass && level == invest.AtProvince {
		reps, err := s.db.InvestReports(r.Context(), store.InvestReportFilter{Month: month, County: county})
		if err != nil {
			return err
		}
		if len(reps) != 1 {
			return notFound("invest report " + county + " " + month.String())
		}
		content, err := s.readInvestReport(r.Context(), county, reps[0].Projects, reps[0].Funds)
		if err != nil {
			return err
		}
		a.LedgerProjects, a.LedgerFunds = content.Projects, content.Funds
	}
	if _, err := s.db.ActOnInvestReport(r.Context(), c.actor(), a); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done="+string(a.Act), http.StatusSeeOther)
	return nil
}

// investMonthsPost opens a month for reporting (POST /invest/months:
// month=YYYY-MM, deadline=YYYY-MM-DD, the end of that day in China).
func (s *Server) investMonthsPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.InvestManagesMonths(c.principal()) {
		return deny(c, "open investment reporting months")
	}
	m, ok := invest.ParseMonth(strings.TrimSpace(r.PostFormValue("month")))
	if !ok {
		return invalid("bad.month", r.PostFormValue("month"))
	}
	deadline, err := endOfDay(r.PostFormValue("deadline"))
	if err != nil {
		return err
	}
	if err := s.db.PutInvestMonth(r.Context(), c.actor(), m, deadline); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done=month", http.StatusSeeOther)
	return nil
}

// investMonthReopen reopens a locked month until the end of a day, for a
// reason (POST /invest/months/{month}/reopen: till, reason); audited.
func (s *Server) investMonthReopen(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.InvestManagesMonths(c.principal()) {
		return deny(c, "reopen investment reporting months")
	}
	m, err := monthOf(r, "month")
	if err != nil {
		return err
	}
	till, err := endOfDay(r.PostFormValue("till"))
	if err != nil {
		return err
	}
	if err := s.db.ReopenInvestMonth(r.Context(), c.actor(), m, till, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done=reopen", http.StatusSeeOther)
	return nil
}

// investMonthPublish publishes a month: the public summary shows it (POST
// /invest/months/{month}/publish).
func (s *Server) investMonthPublish(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.InvestManagesMonths(c.principal()) {
		return deny(c, "publish investment months")
	}
	m, err := monthOf(r, "month")
	if err != nil {
		return err
	}
	if err := s.db.PublishInvestMonth(r.Context(), c.actor(), m); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?done=publish", http.StatusSeeOther)
	return nil
}

// investContactPost registers a first contact of the county with an
// investor (POST /invest/contacts: investor, investor_code, day, note) and
// says how often other counties registered the investor before.
func (s *Server) investContactPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	u := c.principal()
	if c.anonymous() || u.Role != auth.RoleCounty || u.Unit == "" {
		return deny(c, "register investor contacts")
	}
	day, ok := invest.ParseDay(strings.TrimSpace(r.PostFormValue("day")))
	if !ok {
		return invalid("bad.day", r.PostFormValue("day"))
	}
	_, others, err := s.db.RegisterInvestContact(r.Context(), c.actor(), store.InvestContact{
		InvestorCode: strings.TrimSpace(r.PostFormValue("investor_code")), Investor: strings.TrimSpace(r.PostFormValue("investor")),
		County: u.Unit, Day: day, Note: strings.TrimSpace(r.PostFormValue("note"))})
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/review?contact="+url.QueryEscape(strconv.Itoa(len(others))), http.StatusSeeOther)
	return nil
}

// investVerifyPost records a verification's reduction of a project's
// counted funds of a month (POST /invest/projects/{id}/verifications:
// month, reduction in 亿元, reason): the provincial office.
func (s *Server) investVerifyPost(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() || !auth.InvestManagesMonths(c.principal()) {
		return deny(c, "record investment verifications")
	}
	id := r.PathValue("id")
	m, ok := invest.ParseMonth(strings.TrimSpace(r.PostFormValue("month")))
	if !ok {
		return invalid("bad.month", r.PostFormValue("month"))
	}
	a, ok := invest.ParseAmount(r.PostFormValue("reduction"))
	if !ok {
		return invalid("bad.reduction", r.PostFormValue("reduction"))
	}
	if _, err := s.db.RecordInvestVerification(r.Context(), c.actor(), id, m, a, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return err
	}
	http.Redirect(w, r, "/invest/projects/"+url.PathEscape(id), http.StatusSeeOther)
	return nil
}
