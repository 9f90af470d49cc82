package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// investStageCreate records a project's move to a stage ({"stage": "开工",
// "day": "2024-09-01", "note": …}), dated and audited. Administrators and
// analysts for any project, a prefecture reviewer for her prefecture's, a
// county or zone user for her own.
func (s *Server) investStageCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if c.anonymous() {
		return deny(c, "record a stage")
	}
	var in struct {
		Stage string `json:"stage"`
		Day   string `json:"day"`
		Note  string `json:"note"`
	}
	if err := readJSON(w, r, &in); err != nil {
		return err
	}
	id := r.PathValue("id")
	county, zone, err := s.db.InvestProjectPlace(r.Context(), id)
	if err != nil {
		return err
	}
	u := c.principal()
	allowed := false
	switch u.Role {
	case auth.RoleAdmin, auth.RoleAnalyst:
		allowed = true
	case auth.RolePrefecture:
		allowed = invest.PrefectureOf(county) == u.Unit
	case auth.RoleCounty:
		allowed = county == u.Unit || (zone != "" && zone == u.Unit)
	}
	if !allowed {
		return deny(c, "record the stage of project "+id)
	}
	day, ok := invest.ParseDay(in.Day)
	if !ok {
		return invalid("bad.day", in.Day)
	}
	if !invest.Stage(in.Stage).Valid() {
		return invalid("bad.stage", in.Stage, invest.Stages)
	}
	ch, err := s.db.RecordInvestStage(r.Context(), c.actor(), id, invest.Stage(in.Stage), day, in.Note)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"id": ch.ID, "project": ch.ProjectID, "from": ch.From, "to": ch.To,
		"day": ch.Day.String(), "note": ch.Note, "recorded_at": ch.RecordedAt, "recorded_by": ch.RecordedBy})
	return nil
}
