package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// holidayDelete is DELETE /api/v1/holidays/{day}: the office removes a
// day from the holiday calendar; it becomes an ordinary weekday or
// weekend day again.
func (s *Server) holidayDelete(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindCalendar}, "the holiday calendar"); err != nil {
		return err
	}
	d, err := holidayDay(r)
	if err != nil {
		return err
	}
	if err := s.db.DeleteHoliday(r.Context(), c.actor(), d); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
