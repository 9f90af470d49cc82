package web

import (
	"cmp"
	"context"
	"math"
	"net/http"
	"slices"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
)

// What the follow-up and scheduling pages, their API and the meeting
// paper share: the caller's scope, the day the rules judge on, and the
// rows they show.

// followupScope returns the part of the ledger whose follow-up the caller
// may read, as a store filter.
func followupScope(c *caller) (store.FollowupFilter, error) {
	sc, ok := auth.FollowupScope(c.principal(), c.anonymous())
	if !ok {
		return store.FollowupFilter{}, deny(c, "read the contract follow-up")
	}
	return store.FollowupFilter{County: sc.County, Prefecture: sc.Prefecture}, nil
}

// followupAsOf is the day the rules judge on: ?asof=YYYY-MM-DD, else the
// last day of the ledger's latest month with funds reported (what the
// actuals are known to), never after today.
func (s *Server) followupAsOf(r *http.Request) (invest.Day, error) {
	if q := r.URL.Query().Get("asof"); q != "" {
		d, ok := invest.ParseDay(q)
		if !ok {
			return 0, invalid("bad.asof", q)
		}
		return d, nil
	}
	today := invest.DayOf(time.Now().In(store.ChinaTime))
	m, err := s.db.InvestLastMonth(r.Context())
	if err != nil || m == 0 {
		return today, err
	}
	return min(today, m.Last()), nil
}

// followupResource describes the follow-up record of a project of county.
func (s *Server) followupResource(ctx context.Context, county string) (auth.Resource, error) {
	res, err := s.unitResource(ctx, auth.KindFollowup, county)
	res.Kind = auth.KindFollowup
	return res, err
}

// followupRecord loads one project under follow-up that the caller may do
// a to; a project she may not read is not found.
func (s *Server) followupRecord(r *http.Request, id string, a auth.Action) (store.FollowupRecord, auth.Resource, error) {
	c := callerOf(r)
	f, err := followupScope(c)
	if err != nil {
		return store.FollowupRecord{}, auth.Resource{}, err
	}
	p, _, err := s.db.InvestProject(r.Context(), id)
	if err != nil {
		return store.FollowupRecord{}, auth.Resource{}, err
	}
	res, err := s.followupResource(r.Context(), p.County)
	if err != nil {
		return store.FollowupRecord{}, res, err
	}
	if !auth.CanFollowup(c.principal(), auth.Read, res) || p.IsIncrease() || p.Signed == 0 {
		return store.FollowupRecord{}, res, notFound("followup " + id)
	}
	if !auth.CanFollowup(c.principal(), a, res) {
		return store.FollowupRecord{}, res, deny(c, string(a)+" the follow-up of "+id)
	}
	f.Project = id
	rs, err := s.db.FollowupRecords(r.Context(), f)
	if err != nil || len(rs) == 0 {
		// Signed, readable, not yet under follow-up: an empty record.
		return store.FollowupRecord{Project: p}, res, err
	}
	return rs[0], res, nil
}

// followupRow is a project under follow-up as judged on a day.
type followupRow struct {
	store.FollowupRecord
	followup.Assessment
	Flagged int // incentives the fair-competition review flags
}

// followupRows loads the caller's projects under follow-up and judges
// them on day, the gravest first, then by 项目编号.
func (s *Server) followupRows(r *http.Request, day invest.Day) ([]followupRow, error) {
	f, err := followupScope(callerOf(r))
	if err != nil {
		return nil, err
	}
	rs, err := s.db.FollowupRecords(r.Context(), f)
	if err != nil {
		return nil, err
	}
	out := make([]followupRow, len(rs))
	for i, rec := range rs {
		out[i] = followupRow{FollowupRecord: rec, Assessment: followup.Assess(rec.Rule(), day, followup.DefaultRules)}
		for _, in := range rec.Incentives {
			if in.Review() != followup.FlagNone {
				out[i].Flagged++
			}
		}
	}
	slices.SortStableFunc(out, func(a, b followupRow) int { return cmp.Compare(b.Status, a.Status) })
	return out, nil
}

// scheduleProject is a key project as scheduling sees it.
type scheduleProject struct {
	store.KeyProject
	followup.Behind
}

// scheduleData is what the scheduling page, its API and the meeting paper
// show: the counts of key projects, of those with a 包抓 leader and of
// those behind schedule, a page of those behind schedule (most days late
// first), the open problems raised from projects, and the overdue
// problems per responsible department.
type scheduleData struct {
	AsOf        invest.Day
	Key         int               // key projects in scope
	Led         int               // of which with a 包抓 leader
	BehindTotal int               // of which behind schedule
	Behind      []scheduleProject // a page of those behind schedule
	Problems    []store.Problem   // open, raised from a project
	Departments []followup.DepartmentLoad
}

// scheduleData reads the scheduling view with limit projects behind
// schedule from offset, all of them when limit <= 0 (the meeting papers).
// The database counts, selects and orders the key projects (a province has
// 75,000 of them); each row of the page is judged again here with
// followup.BehindSchedule, the rule's one statement, for its missed dates
// and days late.
func (s *Server) scheduleData(r *http.Request, limit, offset int) (*scheduleData, error) {
	f, err := followupScope(callerOf(r))
	if err != nil {
		return nil, err
	}
	d := &scheduleData{}
	if d.AsOf, err = s.followupAsOf(r); err != nil {
		return nil, err
	}
	ks, err := s.db.FollowupSchedule(r.Context(), f, followup.DefaultRules.KeyAmount, d.AsOf, limit, offset)
	if err != nil {
		return nil, err
	}
	d.Key, d.Led, d.BehindTotal = ks.Key, ks.Led, ks.Behind
	d.Behind = make([]scheduleProject, len(ks.Page))
	for i, k := range ks.Page {
		d.Behind[i] = scheduleProject{KeyProject: k, Behind: followup.BehindSchedule(&k.Project, d.AsOf)}
	}
	ps, err := s.readableProblems(r, store.ProblemFilter{Source: string(followup.LinkProject), Open: true})
	if err != nil {
		return nil, err
	}
	d.Problems = ps
	today := invest.DayOf(time.Now().In(store.ChinaTime))
	due := make([]followup.Due, len(ps))
	for i, p := range ps {
		due[i] = followup.Due{Responsible: p.Responsible, Deadline: invest.DayOf(p.Deadline), Closed: p.State == store.ProblemClosed}
	}
	d.Departments = followup.OverdueByDepartment(due, today)
	return d, nil
}

// numOrNil is v for JSON, nil when v is NaN (not given).
func numOrNil(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}
