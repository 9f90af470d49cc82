package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

type objectionRequest struct {
	Unit      string `json:"unit"`
	Indicator string `json:"indicator"`
	Period    string `json:"period"`
	Reason    string `json:"reason"`
	Proposed  *num   `json:"proposed"`
	Run       int64  `json:"run"`
}

// objectionCreate raises a county's objection to one of its figures (JSON,
// or multipart with the same fields and an attachment in "file"). The
// county, its prefecture's reviewer or the administrator may; the figure
// becomes objected and the indicator's department is notified.
func (s *Server) objectionCreate(w http.ResponseWriter, r *http.Request) error {
	var req objectionRequest
	var att *store.NewAttachment
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		r.Body = http.MaxBytesReader(w, r.Body, workflow.MaxAttachment+1<<20)
		if err := r.ParseMultipartForm(workflow.MaxAttachment + 1<<20); err != nil {
			return asUploadError(err)
		}
		req = objectionRequest{Unit: r.FormValue("unit"), Indicator: r.FormValue("indicator"), Period: r.FormValue("period"),
			Reason: r.FormValue("reason")}
		v, err := parseOptionalNumber("proposed", r.FormValue("proposed"))
		if err != nil {
			return err
		}
		p := num(v)
		req.Proposed = &p
		if req.Run, err = formInt(r, "run"); err != nil {
			return err
		}
		if att, err = readAttachment(r, "file"); err != nil {
			return err
		}
	} else if err := readJSON(w, r, &req); err != nil {
		return err
	}
	o, err := s.raiseObjection(r, req, att)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, objectionOut(o, nil))
	return nil
}

// raiseObjection checks that the caller may object to the figure and
// records the objection.
func (s *Server) raiseObjection(r *http.Request, req objectionRequest, att *store.NewAttachment) (store.FigureObjection, error) {
	c := callerOf(r)
	if c.anonymous() {
		return store.FigureObjection{}, deny(c, "object")
	}
	res, err := s.figureResource(r.Context(), req.Unit, req.Indicator)
	if err != nil {
		return store.FigureObjection{}, err
	}
	if err := require(c, auth.Object, res, "figure "+req.Unit+" "+req.Indicator); err != nil {
		return store.FigureObjection{}, err
	}
	o := store.FigureObjection{Unit: req.Unit, Indicator: req.Indicator, Period: req.Period, Reason: req.Reason,
		Proposed: nanNum(req.Proposed), RunID: req.Run}
	return s.db.RaiseObjection(r.Context(), c.actor(), o, att)
}

// nanNum is *n, or NaN when absent.
func nanNum(n *num) float64 {
	if n == nil {
		return math.NaN()
	}
	return float64(*n)
}

// formInt reads an optional integer form field; empty is 0.
func formInt(r *http.Request, name string) (int64, error) {
	v := strings.TrimSpace(r.FormValue(name))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, invalid("bad.wholeNumber", name, v)
	}
	return n, nil
}
