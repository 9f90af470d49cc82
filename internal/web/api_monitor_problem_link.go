package web

import (
	"errors"
	"net/http"
	"slices"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// checkLinkSource checks that a zone's or a project's link names a real
// cause: the zone has that warning in that year's assessment; the project
// is behind schedule, or short of its contract (预警, 违约), on the
// follow-up day. A red indicator is checked by raiseProblem.
func (s *Server) checkLinkSource(r *http.Request, req problemRequest) error {
	switch followup.LinkKind(req.Source) {
	case followup.LinkZone:
		if req.Zone == "" || req.Year == 0 || req.Action == "" {
			return invalid("bad.problemZoneFull")
		}
		v, err := zonereport.Load(r.Context(), s.db, req.Year)
		if errors.Is(err, store.ErrNotFound) || err == nil && v.Year != req.Year {
			return invalid("bad.noZoneYear", req.Year)
		}
		if err != nil {
			return err
		}
		row, _ := v.Row(req.Zone)
		if !slices.ContainsFunc(row.Warnings, func(w zone.Warning) bool { return w.Action == req.Action }) {
			return invalid("bad.zoneNoWarning", req.Zone, req.Action, req.Year)
		}
	case followup.LinkProject:
		p, _, err := s.db.InvestProject(r.Context(), req.Project)
		if err != nil {
			return err
		}
		day, err := s.followupAsOf(r)
		if err != nil {
			return err
		}
		if followup.BehindSchedule(&p, day).Late() {
			return nil
		}
		rs, err := s.db.FollowupRecords(r.Context(), store.FollowupFilter{Project: p.ID})
		if err != nil {
			return err
		}
		if len(rs) == 1 && followup.Assess(rs[0].Rule(), day, followup.DefaultRules).Status != followup.Normal {
			return nil
		}
		return invalid("bad.projectOnTrack", p.ID, day)
	}
	return nil
}
