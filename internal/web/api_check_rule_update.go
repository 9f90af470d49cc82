package web

import "net/http"

// checkRuleUpdate replaces a check rule (to disable one, send it with
// "enabled": false; rules are never deleted). Provincial office.
func (s *Server) checkRuleUpdate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := requireManager(c, "configure check rules"); err != nil {
		return err
	}
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req ruleJSON
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	req.ID = id
	rule, err := s.db.PutCheckRule(r.Context(), c.actor(), req.rule())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ruleOut(rule))
	return nil
}
