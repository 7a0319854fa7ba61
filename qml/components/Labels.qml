pragma Singleton
import QtQuick
import Courtyard.Core

// The words for every id the domain uses — categories, channels, states, actions, rules,
// causes, resident types and their guidance, error codes and what to do — from the one label
// catalogue (shared/labels, both languages; the server's reports use it too), read through
// LabelCatalogue. App.language goes with every question, so a binding that shows a label is
// read again when the language changes.
QtObject {
    function word(group, id) {
        return id ? LabelCatalogue.text(group, String(id), App.language) : ""
    }
    // A sentence, or nothing when the catalogue has none for this id.
    function sentence(group, id) {
        return id && LabelCatalogue.has(group, String(id)) ? word(group, id) : ""
    }
    function category(id) { return word("category", id) }
    function channel(id) { return word("channel", id) }
    function validity(id) { return word("validity", id) }
    function cause(id) { return word("cause", id) }
    function residentType(id) { return word("resident_type", id) }
    function handlingMode(id) { return word("handling_mode", id) }
    function visitMethod(id) { return word("visit_method", id) }
    function state(id) { return word("state", id) }
    function rectificationSource(id) { return word("rectification_source", id) }
    function inspectionKind(id) { return word("inspection_kind", id) }
    function subjectKind(id) { return word("subject_kind", id) }
    function surveyKind(id) { return word("survey_kind", id) }
    function surveyMethod(id) { return word("survey_method", id) }
    function outcome(id) { return word("response_outcome", id) }
    function noticeKind(id) { return word("notice_kind", id) }
    function role(id) { return word("role", id) }
    function position(id) { return word("position", id) }
    function sheetLevel(id) { return word("sheet_level", id) }
    function recordType(id) { return word("record_type", id) }
    function action(id) { return word("action", id) }
    function rule(id) { return word("rule", id) }
    function receiptStatus(id) { return word("receipt_status", id) }
    function checkpointStatus(id) { return word("checkpoint_status", id) }
    function controllability(id) { return word("controllability", id) }
    function reach(id) { return word("reach", id) }
    function causeConsequence(id) { return sentence("cause_consequence", id) }
    function residentGuidance(id) { return sentence("resident_guidance", id) }
    function grade(n) {
        return n >= 1 && n <= 4 ? qsTr("Grade %1 · %2").arg(n).arg(word("grade", n)) : ""
    }
    // What the user can do about a refusal from the server, by its code.
    function whatToDo(code) {
        return sentence("what_to_do", code) || word("what_to_do", "other")
    }
}
