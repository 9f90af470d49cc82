package web

import (
	"encoding/json"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
)

// The JSON shapes of the API: snake_case fields, dates as YYYY-MM-DD,
// times as RFC 3339 UTC, missing numbers as null. openapi.json describes
// them under components/schemas with the same names.

type unitJSON struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Parent    string `json:"parent,omitempty"`
	Host      string `json:"host,omitempty"`
	ValidFrom string `json:"valid_from,omitempty"`
	ValidTo   string `json:"valid_to,omitempty"`
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, invalid("bad.day", s)
	}
	return t, nil
}

func unitOut(u store.Unit) unitJSON {
	return unitJSON{Code: u.Code, Name: u.Name, Kind: string(u.Kind), Parent: u.Parent, Host: u.Host,
		ValidFrom: day(u.ValidFrom), ValidTo: day(u.ValidTo)}
}

type indicatorJSON struct {
	Code       string `json:"code"`
	NameZH     string `json:"name_zh"`
	NameEN     string `json:"name_en"`
	Unit       string `json:"unit"`
	Direction  int    `json:"direction"`
	Department string `json:"department"`
	Definition string `json:"definition"`
}

func indicatorOut(i store.Indicator) indicatorJSON { return indicatorJSON(i) }

type observationJSON struct {
	Unit      string `json:"unit"`
	Indicator string `json:"indicator"`
	Period    string `json:"period"`
	Value     num    `json:"value"`
	Status    string `json:"status"`
	Source    string `json:"source"`
	Note      string `json:"note"`
	Revision  int64  `json:"revision"`
}

func observationOut(o store.Observation) observationJSON {
	return observationJSON{Unit: o.Unit, Indicator: o.Indicator, Period: o.Period, Value: num(o.Value),
		Status: string(o.Status), Source: o.Source, Note: o.Note, Revision: o.Revision}
}

type eventJSON struct {
	Key        string `json:"key,omitempty"`
	Revision   int64  `json:"revision,omitempty"`
	Unit       string `json:"unit"`
	Date       string `json:"date"`
	Type       string `json:"type"`
	Department string `json:"department"`
	Document   string `json:"document"`
	Points     *num   `json:"points"`
	Note       string `json:"note"`
	Retracted  bool   `json:"retracted"`
}

func eventOut(e store.Event) eventJSON {
	p := num(e.Points)
	return eventJSON{Key: e.Key, Revision: e.Revision, Unit: e.Unit, Date: day(e.Date), Type: e.Type,
		Department: e.Department, Document: e.Document, Points: &p, Note: e.Note, Retracted: e.Retracted}
}

type revisionJSON struct {
	ID        int64     `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	Username  string    `json:"username"`
	Kind      string    `json:"kind"`
	Source    string    `json:"source"`
	Note      string    `json:"note"`
}

func revisionOut(r store.Revision) revisionJSON { return revisionJSON(r) }

type methodJSON struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Version   string    `json:"version"`
	Hash      string    `json:"hash"`
	CreatedAt time.Time `json:"created_at"`
	CreatedBy string    `json:"created_by"`
	TOML      string    `json:"toml,omitempty"`
}

func methodOut(m store.Method, withText bool) methodJSON {
	out := methodJSON{ID: m.ID, Name: m.Name, Version: m.Version, Hash: m.Hash, CreatedAt: m.CreatedAt, CreatedBy: m.CreatedBy}
	if withText {
		out.TOML = m.TOML
	}
	return out
}

type runJSON struct {
	ID         int64           `json:"id"`
	Method     int64           `json:"method"`
	Revision   int64           `json:"revision"`
	Period     string          `json:"period"`
	Params     json.RawMessage `json:"params"`
	Hash       string          `json:"hash"`
	State      string          `json:"state"`
	Visibility string          `json:"visibility"`
	Parent     int64           `json:"parent,omitempty"`
	Note       string          `json:"note"`
	CreatedAt  time.Time       `json:"created_at"`
	CreatedBy  string          `json:"created_by"`
}

func runOut(r store.Run) runJSON {
	return runJSON{ID: r.ID, Method: r.MethodID, Revision: r.Revision, Period: r.Period, Params: r.Params,
		Hash: r.Hash, State: string(r.State), Visibility: string(r.Visibility), Parent: r.ParentID, Note: r.Note,
		CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy}
}

type userJSON struct {
	Username          string    `json:"username"`
	Role              string    `json:"role"`
	Department        string    `json:"department,omitempty"`
	Unit              string    `json:"unit,omitempty"`
	DisplayName       string    `json:"display_name"`
	Disabled          bool      `json:"disabled"`
	CreatedAt         time.Time `json:"created_at"`
	PasswordChangedAt time.Time `json:"password_changed_at"`
}

func userOut(u store.User) userJSON {
	return userJSON{Username: u.Username, Role: string(u.Role), Department: u.Department, Unit: u.Unit,
		DisplayName: u.DisplayName, Disabled: u.Disabled, CreatedAt: u.CreatedAt, PasswordChangedAt: u.PasswordChangedAt}
}
