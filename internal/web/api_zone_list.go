package web

import (
	"math"
	"net/http"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// zoneJSON is a zone's assessment in the API.
type zoneJSON struct {
	Code       string            `json:"code"`
	Name       string            `json:"name"`
	Level      string            `json:"level"`
	Kind       string            `json:"kind"`
	Host       string            `json:"host"`
	Group      string            `json:"group"`
	GroupRank  float64           `json:"group_rank"`
	Score      *float64          `json:"score"`
	Grade      string            `json:"grade"`
	Streak     int               `json:"streak"`
	StreakFrom string            `json:"streak_from"`
	Warnings   []zoneWarningJSON `json:"warnings"`
}

type zoneWarningJSON struct {
	Action string   `json:"action"`
	Years  []string `json:"years"`
	Tie    bool     `json:"tie"`
}

// zoneList is GET /api/v1/zones: the published zone assessment of ?year=
// (else the latest held year), or the zone run ?run= for whoever may read
// it, by group and group rank, with grades, streaks and management
// warnings. Public.
func (s *Server) zoneList(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Read); err != nil {
		return err
	}
	if y := r.URL.Query().Get("year"); y != "" {
		if _, err := strconv.Atoi(y); err != nil {
			return invalid("bad.year", y)
		}
	}
	v, err := s.zoneViewOf(r)
	if err != nil {
		return err
	}
	if v == nil {
		return notFound("zone assessment")
	}
	out := struct {
		Year  int        `json:"year"`
		Run   int64      `json:"run,omitempty"`   // the zone run the results come from; absent for imported years
		State string     `json:"state,omitempty"` // its state
		Zones []zoneJSON `json:"zones"`
	}{Year: v.Year, Zones: make([]zoneJSON, 0, len(v.Rows))}
	if v.Run != nil {
		out.Run, out.State = v.Run.ID, string(v.Run.State)
	}
	for _, row := range v.Rows {
		z := zoneJSON{Code: row.Unit, Name: row.Zone.Name, Level: row.Zone.Level, Kind: row.Zone.Kind, Host: row.Zone.Host,
			Group: row.Group, GroupRank: row.GroupRank, Grade: row.Grade, Streak: row.Streak, StreakFrom: row.StreakFrom,
			Warnings: []zoneWarningJSON{}}
		if !math.IsNaN(row.Score) {
			sc := row.Score
			z.Score = &sc
		}
		for _, w := range row.Warnings {
			z.Warnings = append(z.Warnings, zoneWarningJSON{Action: w.Action, Years: w.Years, Tie: w.Tie})
		}
		out.Zones = append(out.Zones, z)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
