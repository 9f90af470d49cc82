package web

import (
	"fmt"
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// runsVisibility sets how much of a run the public will see once it is
// published (the form's "visibility": none, winners or full); fixed at
// publication. It goes back to the list.
func (s *Server) runsVisibility(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	v := auth.Visibility(r.PostFormValue("visibility"))
	if !v.Valid() {
		return invalid("bad.visibility", v)
	}
	run, err := s.readableRun(r, id)
	if err != nil {
		return err
	}
	if err := require(c, auth.Write, runResource(run), "run"); err != nil {
		return err
	}
	if err := s.db.SetVisibility(r.Context(), c.actor(), id, v); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/runs?done=%d", id), http.StatusSeeOther)
	return nil
}
