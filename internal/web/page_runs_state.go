package web

import (
	"fmt"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// runsState moves a run to the state of the form's "state" field (the
// next one, or back to draft), as the API's transitions do: publishing is
// its own permission, and a published run moves no more. It goes back to
// the list.
func (s *Server) runsState(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	to := auth.RunState(r.PostFormValue("state"))
	if !to.Valid() {
		return invalid("state %q is not one of %v", to, auth.RunStates)
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
	if _, err := s.moveRun(r, c.actor(), id, to, r.PostFormValue("note")); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/runs?done=%d", id), http.StatusSeeOther)
	return nil
}
