package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/followup"
)

// investFollowupGet is one signed project's follow-up, judged on ?asof=.
func (s *Server) investFollowupGet(w http.ResponseWriter, r *http.Request) error {
	rec, _, err := s.followupRecord(r, r.PathValue("id"), auth.Read)
	if err != nil {
		return err
	}
	day, err := s.followupAsOf(r)
	if err != nil {
		return err
	}
	row := followupRow{FollowupRecord: rec, Assessment: followup.Assess(rec.Rule(), day, followup.DefaultRules)}
	writeJSON(w, http.StatusOK, followupOut(row, day))
	return nil
}
