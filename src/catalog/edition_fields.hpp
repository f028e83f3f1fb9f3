// The fields of an edition revision's objects and their closed vocabularies (catalog format §6), as the
// edition checks read them.
#pragma once

#include <string_view>

#include "schema.hpp"

namespace mamori::catalog::edition_fields {

inline constexpr std::string_view kNumberingStyles[] = {"paren", "circled"};
inline constexpr std::string_view kFormDatePrecisions[] = {"year", "month", "day", "unknown"};
inline constexpr std::string_view kOnePer[] = {"institution", "vendor_system"};
inline constexpr std::string_view kOrganisationKinds[] = {"hospital", "clinic", "dental_clinic", "pharmacy",
                                                   "vendor"};
// The kinds that answer an institution checklist: each needs exactly one form in every edition.
inline constexpr std::string_view kInstitutionKinds[] = {"hospital", "clinic", "dental_clinic", "pharmacy"};
inline constexpr std::string_view kAnswerColumnIds[] = {"answer", "confirmed_on", "target_date", "second_answer",
                                                 "second_confirmed_on"};
inline constexpr std::string_view kAnswerTypes[] = {"yes_no", "date"};
inline constexpr std::string_view kAnswerRequired[] = {"always", "if_no", "optional"};
inline constexpr std::string_view kGateEffects[] = {"other_items_not_required"};
inline constexpr std::string_view kTargetBases[] = {"printed", "edition", "item"};
inline constexpr std::string_view kSourceBases[] = {"item", "form", "edition"};

inline constexpr Field kEditionFields[] = {
    {"kind", Type::str},
    {"format_version", Type::integer},
    {"id", Type::str},
    {"fiscal_year", Type::fy},
    {"fiscal_year_ja", Type::ja},
    {"published", Type::str},
    {"published_precision", Type::str, kDatePrecisions},
    {"published_confidence", Type::conf},
    {"published_note", Type::str},
    {"printed_date_ja", Type::ja},
    {"title_ja", Type::ja},
    {"title_en", Type::str},
    {"numbering_style", Type::str, kNumberingStyles},
    {"guideline", Type::str},
    {"sources", Type::urls},
    {"official_files", Type::array},
    {"manual", Type::object},
    {"notes", Type::strings},
    {"forms", Type::array},
};
inline constexpr Field kOfficialFileFields[] = {
    {"kind", Type::str},
    {"url", Type::url},
    {"retrieved", Type::boolean},
};
inline constexpr Field kManualFields[] = {
    {"title_ja", Type::ja},
    {"source", Type::url},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
inline constexpr Field kFormFields[] = {
    {"id", Type::str},
    {"title_ja", Type::ja},
    {"title_en", Type::str},
    {"document_title_ja", Type::ja},
    {"filled_by_ja", Type::str},
    {"filled_by_en", Type::str},
    {"organisation_kinds", Type::strings, {}, true},
    {"published", Type::str_or_null},
    {"published_precision", Type::str, kFormDatePrecisions},
    {"published_confidence", Type::conf_or_null},
    {"published_note", Type::str_or_null},
    {"form_applicability", Type::object},
    {"answer_columns", Type::array},
    {"gate_status", Type::str, kGateStatuses},
    {"gate_status_confidence", Type::conf_or_null},
    {"gate", Type::object_or_null},
    {"gate_note", Type::str_or_null},
    {"sections", Type::array},
    {"layout_note", Type::str},
    {"sources", Type::urls},
    {"items", Type::array},
};
inline constexpr Field kFormApplicabilityFields[] = {
    {"requires_vendor_contract", Type::boolean},
    {"one_per", Type::str, kOnePer},
    {"note", Type::str_or_null},
};
inline constexpr Field kAnswerColumnFields[] = {
    {"id", Type::str, kAnswerColumnIds},
    {"label_ja", Type::ja},
    {"label_en", Type::str},
    {"type", Type::str, kAnswerTypes},
    {"required", Type::str, kAnswerRequired},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
inline constexpr Field kSectionFields[] = {
    {"section_id", Type::str},
    {"number", Type::str},
    {"section_ja", Type::ja},
    {"section_en", Type::str},
    {"manual_tag_ja", Type::ja_or_null},
    {"note", Type::str_or_null},
    {"source", Type::url_or_null},
};
inline constexpr Field kGateFields[] = {
    {"canonical_id", Type::str},
    {"heading_ja", Type::ja},
    {"question_ja", Type::ja},
    {"question_en", Type::str},
    {"effect", Type::str, kGateEffects},
    {"effect_ja", Type::ja},
    {"effect_en", Type::str},
    {"scope_en", Type::str},
    {"guideline_refs", Type::strings},
    {"guideline_refs_basis", Type::object},
    {"explanation_ja", Type::object},
    {"explanation_en", Type::object},
    {"source", Type::url},
    {"confidence", Type::conf},
    {"confidence_note", Type::str},
};
inline constexpr Field kItemFields[] = {
    {"canonical_id", Type::str},
    {"number", Type::str},
    {"number_confidence", Type::conf},
    {"section_id", Type::str},
    {"section_ja", Type::ja},
    {"section_note", Type::str_or_null},
    {"device_classes", Type::strings},
    {"rows", Type::array},
    {"text_ja", Type::ja},
    {"text_en", Type::str},
    {"wording_note", Type::str_or_null},
    {"wording_variants", Type::array},
    {"target_fiscal_year", Type::fy_or_null},
    {"target_label_ja", Type::ja_or_null},
    {"target_basis", Type::str, kTargetBases},
    {"target_confidence", Type::conf},
    {"target_note", Type::str_or_null},
    {"guideline_refs", Type::strings},
    {"guideline_refs_none_given", Type::boolean},
    {"guideline_refs_basis", Type::object},
    {"explanation_ja", Type::object},
    {"explanation_en", Type::object},
    {"applicability", Type::object},
    {"source", Type::url},
    {"source_basis", Type::str, kSourceBases},
    {"sources", Type::urls},
    {"confidence", Type::conf},
    {"confidence_note", Type::str},
};
inline constexpr Field kRowFields[] = {
    {"key", Type::str},
    {"device_classes", Type::strings},
    {"label_ja", Type::ja_or_null},
    {"target_fiscal_year", Type::fy_or_null},
    {"target_label_ja", Type::ja_or_null},
    {"target_basis", Type::str, kTargetBases},
    {"target_confidence", Type::conf},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
inline constexpr Field kWordingVariantFields[] = {
    {"text_ja", Type::ja},
    {"source", Type::url},
    {"confidence", Type::conf},
    {"note", Type::str_or_null},
};
inline constexpr Field kRefsBasisFields[] = {
    {"confidence", Type::conf_or_null},
    {"printed_ja", Type::str_or_null},
    {"source", Type::url},
    {"note", Type::str_or_null},
};
inline constexpr Field kExplanationJaFields[] = {
    {"meaning_ja", Type::ja},
    {"how_ja", Type::ja},
    {"evidence_ja", Type::ja},
};
inline constexpr Field kExplanationEnFields[] = {
    {"meaning_en", Type::str},
    {"how_en", Type::str},
    {"evidence_en", Type::str},
};
inline constexpr Field kApplicabilityFields[] = {
    {"gate", Type::boolean},
    {"requires_vendor_contract", Type::boolean},
};

}  // namespace mamori::catalog::edition_fields
