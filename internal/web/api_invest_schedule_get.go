package web

import (
	"net/http"
	"time"
)

// scheduleJSON is the scheduling view of the caller's key projects.
type scheduleJSON struct {
	AsOf        string                `json:"as_of"`
	Key         int                   `json:"key_projects"`
	Led         int                   `json:"with_leader"`
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

// investScheduleGet is the scheduling view (调度): the key projects
// behind schedule on ?asof=, the open problems raised from projects and
// the overdue ones per responsible department.
func (s *Server) investScheduleGet(w http.ResponseWriter, r *http.Request) error {
	d, err := s.scheduleData(r)
	if err != nil {
		return err
	}
	out := scheduleJSON{AsOf: d.AsOf.String(), Key: d.Key, Led: d.Led, Behind: []scheduleProjectJSON{}, Problems: []problemJSON{},
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
