package web

import (
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// monitorProblemStep takes a step of the 督办 loop: the responsible
// county (or its prefecture) replies and asks for 销号 with evidence
// (auth.Reply); the office issues the 督办单, approves or sends back
// (auth.Write).
func (s *Server) monitorProblemStep(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req struct {
		Step     string `json:"step"`
		Body     string `json:"body"`
		Evidence string `json:"evidence"`
	}
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	p, err := s.takeProblemStep(r, id, req.Step, req.Body, req.Evidence)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, problemOut(p, time.Now()))
	return nil
}

// takeProblemStep checks that the caller may take step on problem id and
// takes it. A problem the caller may not read is 404.
func (s *Server) takeProblemStep(r *http.Request, id int64, step, body, evidence string) (store.Problem, error) {
	c := callerOf(r)
	if err := require(c, auth.Read, ownScope(c, auth.KindProblem), "problems"); err != nil {
		return store.Problem{}, err
	}
	p, err := s.db.Problem(r.Context(), id)
	if err != nil {
		return p, err
	}
	res, err := s.unitResource(r.Context(), auth.KindProblem, p.Unit)
	if err != nil {
		return p, err
	}
	if !auth.Can(c.principal(), auth.Read, res) {
		return p, notFound("problem")
	}
	action := auth.Write
	if step == store.StepReply || step == store.StepRequest {
		action = auth.Reply
	}
	if err := require(c, action, res, "problem step "+step); err != nil {
		return p, err
	}
	return s.db.AdvanceProblem(r.Context(), c.actor(), id, step, body, evidence)
}
