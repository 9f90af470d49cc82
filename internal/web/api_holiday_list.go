package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// holidayJSON is one day of the holiday calendar.
type holidayJSON struct {
	Day  string `json:"day"`
	Kind string `json:"kind"` // holiday (a weekday off) or workday (a weekend day worked)
	Name string `json:"name"`
}

func holidayOut(d workflow.CalendarDay) holidayJSON {
	return holidayJSON{Day: day(d.Day), Kind: string(d.Kind), Name: d.Name}
}

// holidayList is GET /api/v1/holidays[?year=2024]: the office's holiday
// calendar of the 公示 windows (the State Council's days off and weekend
// working days), of one year or all, in day order. Anyone may read it.
func (s *Server) holidayList(w http.ResponseWriter, r *http.Request) error {
	var first, last time.Time
	if y := r.URL.Query().Get("year"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1949 || n > 9998 {
			return invalid("bad.year", y)
		}
		first, last = time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(n, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	days, err := s.db.Holidays(r.Context(), first, last)
	if err != nil {
		return err
	}
	out := make([]holidayJSON, 0, len(days))
	for _, d := range days {
		out = append(out, holidayOut(d))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// holidayDay is the {day} of a calendar path.
func holidayDay(r *http.Request) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, r.PathValue("day"))
	if err != nil {
		return d, errorf(EInvalid, "lifecycle.badDay", r.PathValue("day"))
	}
	return store.Day(d), nil
}
