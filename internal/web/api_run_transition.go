package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

type transitionRequest struct {
	State    string           `json:"state"`
	Note     string           `json:"note"`
	Approval *approvalRequest `json:"approval"` // with state approved: the deciding meeting
}

// runTransition moves a run one step on (draft → review → notice →
// objections → approved → published) or back to draft, each step by its
// role of the office's chain (Server.moveRun); a published run moves no
// more (409 immutable). A move to notice opens a 公示 window of
// workflow.NoticeWorkingDays working days from today; a move to approved
// carries the approval record.
func (s *Server) runTransition(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req transitionRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	to := auth.RunState(req.State)
	if !to.Valid() {
		return invalid("bad.runState", req.State, auth.RunStates)
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if run, err = s.moveRun(r, c, run, to, req.Note, req.Approval); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, runOut(run))
	return nil
}
