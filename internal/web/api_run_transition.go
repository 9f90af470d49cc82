package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

type transitionRequest struct {
	State string `json:"state"`
	Note  string `json:"note"`
}

// runTransition moves a run one step on (draft → review → notice →
// objections → approved → published) or back to draft. Publishing is its
// own permission, and a published run moves no more (409 immutable). A move
// to notice opens a 公示 window of noticeDays days from today.
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
		return invalid("state %q is not one of %v", req.State, auth.RunStates)
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	action := auth.Transition
	if to == auth.StatePublished {
		action = auth.Publish
	}
	if err := require(c, action, runResource(run), "run"); err != nil {
		return err
	}
	if run, err = s.moveRun(r, c.actor(), id, to, req.Note); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, runOut(run))
	return nil
}
