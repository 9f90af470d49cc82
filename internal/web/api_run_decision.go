package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

type decisionRequest struct {
	Award     string   `json:"award"`     // as the results label it: 十强县, 先进县(文旅赋能型)
	Units     []string `json:"units"`     // codes of the tied units that take the places
	Reference string   `json:"reference"` // the meeting that decided (会议纪要)
}

// runDecision is POST /api/v1/runs/{id}/decisions: the office records its
// decision of a tie at an award's last place that the method left open
// (待认定), which units take the places and the meeting reference. A run
// with an undecided tie cannot leave review (409).
func (s *Server) runDecision(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req decisionRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Transition, runResource(run), "decide ties"); err != nil {
		return err
	}
	d, err := s.db.DecideAward(r.Context(), c.actor(), store.AwardDecision{RunID: id, Award: req.Award, Units: req.Units, Reference: req.Reference})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"run": d.RunID, "award": d.Award, "units": d.Units,
		"reference": d.Reference, "decided_at": d.DecidedAt, "decided_by": d.DecidedBy})
	return nil
}
