package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

type holidayRequest struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// holidayPut is PUT /api/v1/holidays/{day}: the office adds a day to the
// holiday calendar or changes it — a weekday off (holiday) or a weekend
// day worked instead (workday), with the holiday's name. Windows already
// opened keep their days.
func (s *Server) holidayPut(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindCalendar}, "the holiday calendar"); err != nil {
		return err
	}
	d, err := holidayDay(r)
	if err != nil {
		return err
	}
	var req holidayRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	cd := workflow.CalendarDay{Day: d, Kind: workflow.DayKind(req.Kind), Name: req.Name}
	if !cd.Kind.Valid() {
		return invalid("bad.holidayKind", req.Kind)
	}
	if err := s.db.PutHoliday(r.Context(), c.actor(), cd); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, holidayOut(cd))
	return nil
}
