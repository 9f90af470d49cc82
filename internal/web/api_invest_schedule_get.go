package web

import (
	"net/http"
	"strconv"
	"time"
)

// scheduleJSON is the scheduling view of the caller's key projects.
type scheduleJSON struct {
	AsOf        string                `json:"as_of"`
	Key         int                   `json:"key_projects"`
	Led         int                   `json:"with_leader"`
	BehindTotal int                   `json:"behind_total"`
	Behind      []scheduleProjectJSON `json:"behind"`
	Problems    []problemJSON         `json:"problems"`
	Departments []departmentJSON      `json:"departments"`
}

type scheduleProjectJSON struct {
	followupProjectJSON
	Leader     string `json:"leader,omitempty"`
	LeaderDept string `json:"leader_dept,omitempty"`
	Start      bool   `json:"start_missed"`
	Production bool   `json:"production_missed"`
	DaysLate   int    `json:"days_late"`
}

type departmentJSON struct {
	Responsible string `json:"responsible"`
	Open        int    `json:"open"`
	Overdue     int    `json:"overdue"`
	MaxDaysLate int    `json:"max_days_late"`
}

// The page of projects behind schedule the API returns: by default, and
// at most (a province has tens of thousands behind schedule).
const (
	scheduleLimit    = 100
	scheduleLimitMax = 500
	// scheduleWindow bounds offset + limit, as search APIs bound how deep
	// one may page (GitHub's search returns the first 1,000 results,
	// Elasticsearch 10,000): each page sorts the projects behind schedule
	// up to its end, and on 44,000 behind schedule a page 40,000 deep took
	// 80–129 ms p99 and one 10,000 deep 116–120 ms on PostgreSQL. The
	// meeting paper (Excel) lists them all.
	scheduleWindow = 2_000
)

// investScheduleGet is the scheduling view (调度): the key projects
// behind schedule on ?asof=, ?limit= of them from ?offset=, the open
// problems raised from projects and the overdue ones per responsible
// department.
func (s *Server) investScheduleGet(w http.ResponseWriter, r *http.Request) error {
	limit := int64(scheduleLimit)
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 || n > scheduleLimitMax {
			return invalid("bad.limit", v, scheduleLimitMax)
		}
		limit = n
	}
	offset, err := queryInt(r, "offset")
	if err != nil {
		return err
	}
	if offset+limit > scheduleWindow {
		return invalid("bad.scheduleWindow", offset, limit, scheduleWindow)
	}
	d, err := s.scheduleData(r, int(limit), int(offset))
	if err != nil {
		return err
	}
	out := scheduleJSON{AsOf: d.AsOf.String(), Key: d.Key, Led: d.Led, BehindTotal: d.BehindTotal, Behind: []scheduleProjectJSON{}, Problems: []problemJSON{},
		Departments: []departmentJSON{}}
	for _, p := range d.Behind {
		out.Behind = append(out.Behind, scheduleProjectJSON{followupProjectJSON: projectOut(&p.Project), Leader: p.Leader,
			LeaderDept: p.LeaderDept, Start: p.Start, Production: p.Production, DaysLate: p.DaysLate})
	}
	for _, p := range d.Problems {
		out.Problems = append(out.Problems, problemOut(p, time.Now()))
	}
	for _, dl := range d.Departments {
		out.Departments = append(out.Departments, departmentJSON(dl))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
