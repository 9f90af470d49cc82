package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/method"
)

// methodPage is the method page (/method?run= or ?method=): the indicator
// tree with the effective weights of every county type side by side (and
// a sunburst of the first), each indicator's definition, unit and
// providing department, and how each aggregate's weights were obtained
// (fixed, AHP with its consistency ratio, entropy or CRITIC). The public
// sees the method of a run it may read.
func (s *Server) methodPage(w http.ResponseWriter, r *http.Request) error {
	sm, run, ok, err := s.methodFor(r)
	if err != nil {
		return err
	}
	if !ok {
		s.render(w, r, http.StatusOK, "method", &methodView{})
		return nil
	}
	weights, err := s.methodWeights(r, sm.TOML, sm.Name, run.ID)
	if err != nil {
		return err
	}
	m, err := method.Parse(sm.Name, []byte(sm.TOML))
	if err != nil {
		return err
	}
	v, err := newMethodView(m, weights, pageLang(r))
	if err != nil {
		return err
	}
	v.Stored, v.Run = sm, run
	if v.Picker, err = s.methodPicker(r, run.ID); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "method", v)
	return nil
}
