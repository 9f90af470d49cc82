package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// zoneWarningLine is a warning of the latest zone assessment.
type zoneWarningLine struct {
	Zone, Name, Action string
}

// zoneWarningLines fills v with the warnings of the latest zone
// assessment (none without one), so that the office raises a problem
// from any of them in one click, with the default deadline.
func (s *Server) zoneWarningLines(r *http.Request, v *problemsView) error {
	zv, err := zonereport.Load(r.Context(), s.db, 0)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	v.ZoneYear = zv.Year
	v.ZoneDeadline = followup.DefaultDeadline(followup.LinkZone, invest.DayOf(time.Now().In(store.ChinaTime))).String()
	for _, row := range zv.Rows {
		for _, w := range row.Warnings {
			v.ZoneWarnings = append(v.ZoneWarnings, zoneWarningLine{Zone: row.Unit, Name: v.Names[row.Unit], Action: w.Action})
		}
	}
	return nil
}
