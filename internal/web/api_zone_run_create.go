package web

import (
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// zoneRunRequest is the body of POST /api/v1/zones/runs: a stored zone
// method, the year, the year's zone figures as the method's data CSV (one
// row per zone: code, name, the group column, the reported indicators), an
// optional re-run's parent and a note.
type zoneRunRequest struct {
	Method    int64  `json:"method"`
	Year      int    `json:"year"`
	Data      string `json:"data"`
	ParentRun int64  `json:"parent_run"`
	Note      string `json:"note"`
}

// zoneRunCreate is POST /api/v1/zones/runs: the office (analyst) assesses
// a year's zones with a zone method and records the result as a draft
// zone run, which then goes through the runs' lifecycle (/api/v1/runs/{id}/
// transitions, lifecycle, objections, approval, notice registration) like
// a county run. Bad data is 422 with every problem located in data.csv.
func (s *Server) zoneRunCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindRun, RunState: auth.StateDraft, Visibility: auth.VisNone}, "runs"); err != nil {
		return err
	}
	var req zoneRunRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if req.Year < 1900 || req.Year > 2100 {
		return invalid("bad.yearNumber", req.Year)
	}
	sm, err := s.db.Method(r.Context(), req.Method)
	if err != nil {
		return err
	}
	m, err := method.Parse(sm.Name+".toml", []byte(sm.TOML))
	if err != nil {
		return err
	}
	t, err := table.Read("data.csv", strings.NewReader(req.Data))
	if err != nil {
		return err
	}
	d, err := method.ReadData(m, t)
	if err != nil {
		return err
	}
	gs, vs, err := zonereport.AssessYear(m, d, req.Year)
	if err != nil {
		return err
	}
	run, err := s.db.CreateZoneRun(r.Context(), c.actor(), store.NewZoneRun{MethodID: req.Method, Year: req.Year,
		ParentID: req.ParentRun, Note: req.Note, Source: "data.csv", Grades: gs, Values: vs})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, runOut(run))
	return nil
}
