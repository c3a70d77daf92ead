// The words of the simulated sessions: case categories, learning points,
// actions, reflections, documentation, feedback comments and cancellation
// notes, in Danish (the organisations' own language). Synthetic, generic
// sentences about no one: they name no person and describe no real citizen.
#ifndef CARELEARN_SRC_ANALYSIS_SIMULATE_TEXTS_HPP_
#define CARELEARN_SRC_ANALYSIS_SIMULATE_TEXTS_HPP_

#include <array>
#include <string_view>

namespace carelearn::detail::texts {

/// Categories of the cases brought to a systematic learning meeting.
inline constexpr std::array<std::string_view, 12> kMeetingCases = {"difficult-conversation",
                                                                   "relatives",
                                                                   "fall",
                                                                   "medication",
                                                                   "dementia",
                                                                   "nutrition",
                                                                   "pressure-ulcer",
                                                                   "hospital-discharge",
                                                                   "collaboration",
                                                                   "documentation",
                                                                   "infection-prevention",
                                                                   "end-of-life"};

/// Categories of the palliative courses of care discussed in the case meetings.
inline constexpr std::array<std::string_view, 7> kPalliativeCases = {
    "pain", "breathlessness", "anxiety", "relatives", "last-days", "nutrition", "coordination"};

/// Learning points of the learning meetings.
inline constexpr std::array<std::string_view, 15> kLearningPoints = {
    "Spørg ind til borgerens egne ønsker, før vi foreslår en løsning.",
    "Aftal med de pårørende, hvem der ringer til hvem.",
    "Brug den fælles tjekliste ved udskrivelse fra sygehus.",
    "Giv besked til aftenvagten, når medicinen er ændret.",
    "Tag en kollega med til de svære samtaler.",
    "Skriv observationer ned samme dag.",
    "Hold en kort pause, før vi svarer en vred pårørende.",
    "Spørg sygeplejersken tidligt, når borgeren ændrer sig.",
    "Fortæl borgeren, hvad der skal ske, før vi går i gang.",
    "Del viden om hjælpemidler på tværs af teamet.",
    "Vi kan lære lige så meget af de besøg, der lykkedes.",
    "Afstem forventninger med borgeren ved første besøg.",
    "Korte sætninger og én ting ad gangen hjælper borgere med demens.",
    "Vurder faldrisikoen igen, når borgeren har været syg.",
    "Husk at dokumentere aftaler med de pårørende."};

/// Learning points about palliative courses of care.
inline constexpr std::array<std::string_view, 8> kPalliativePoints = {
    "Afklar borgerens ønsker for den sidste tid i god tid.",
    "En smertescore hver vagt giver et bedre overblik.",
    "De pårørende har brug for en fast kontaktperson.",
    "Terapeuten ser andet end plejen: inddrag terapeuten tidligt.",
    "Lindring af åndenød kræver en plan, som alle kender.",
    "Tal med borgeren om angst, ikke kun om symptomer.",
    "Aftal, hvem der koordinerer med lægen.",
    "Små ting betyder meget: musik, lys og ro i stuen."};

/// Learning points of the learning visits.
inline constexpr std::array<std::string_view, 9> kVisitPoints = {
    "Kollegaen forbereder hvert besøg kort, før hun går ind.",
    "Korte overleveringer mellem vagterne sparer tid.",
    "Vi kan bruge værtsenhedens måde at planlægge dagen på.",
    "Borgerne sætter pris på, at man præsenterer sig ved hvert besøg.",
    "En fast plads til hjælpemidlerne gør arbejdet lettere.",
    "Humor kan skabe ro i en presset situation.",
    "Det er lettere at spørge en kollega fra en anden enhed om råd.",
    "Værtsenheden bruger tavlemødet til at fordele opgaverne.",
    "Læringsagenten så sin egen praksis med nye øjne."};

/// Proposed organisational actions.
inline constexpr std::array<std::string_view, 12> kActions = {
    "Indfør en fast pårørendesamtale ved indflytning.",
    "Lav en tjekliste til udskrivelse fra sygehus.",
    "Fast tid til overlevering mellem dag- og aftenvagt.",
    "Opdatér instruksen for medicinændringer.",
    "Undervisning i demensvenlig kommunikation for hele teamet.",
    "Prøv en fast makkerordning ved svære samtaler.",
    "Gennemgå faldforebyggelse på næste personalemøde.",
    "Skab plads til læringsmøderne i vagtplanen.",
    "Aftal en procedure for kontakt til egen læge.",
    "En fælles skabelon til dokumentation af aftaler.",
    "Del casen med de andre enheder i læringsnetværket.",
    "Lederen tager forslaget med til MED-udvalget."};

/// Reflections.
inline constexpr std::array<std::string_view, 8> kReflections = {
    "Casen viste, hvor forskelligt vi læser den samme situation.",
    "Vi ser borgeren forskelligt alt efter faggruppe.",
    "Det var svært at vide, hvem der havde beslutningen.",
    "Samtalen med de pårørende gik bedre, da vi var to.",
    "Vi vidste mere sammen end hver for sig.",
    "Det, der virkede, var at stoppe op og spørge.",
    "Borgerens ønsker fyldte mere, end vi havde troet.",
    "Vi tager noget forskelligt med hjem, og det er godt."};

/// What was tried, why, and what happened: the three documentation steps of a trial action.
inline constexpr std::array<std::array<std::string_view, 3>, 5> kTrialActions = {{
    {"Vi prøvede en fast tid til overlevering kl. 14.45.", "Oplysninger gik tabt mellem vagterne.",
     "Overleveringen tog fem minutter og blev brugt af næsten alle."},
    {"Vi prøvede en ny skabelon til aftaler med pårørende.",
     "De pårørende fik forskellige svar fra forskellige medarbejdere.",
     "Skabelonen blev brugt i omkring halvdelen af tilfældene."},
    {"Vi holdt læringsmødet stående ved tavlen.", "Møderne blev for lange.",
     "Møderne holdt tiden bedre, og flere kom."},
    {"Vi prøvede en makkerordning for nye medarbejdere.",
     "Nye medarbejdere følte sig alene med svære besøg.",
     "De nye beskrev, at de lettere kunne spørge om hjælp."},
    {"Vi prøvede en fast ugentlig gennemgang af faldregistreringer.",
     "Faldene blev registreret, men ikke drøftet.",
     "Teamet fandt to gentagne årsager og ændrede rutinerne."},
}};

/// Feedback comments at a seminar.
inline constexpr std::array<std::string_view, 6> kFeedbackComments = {
    "En god dag med meget at tage med hjem.",       "For lidt tid til dialog.",
    "Godt at møde kolleger fra de andre kommuner.", "Oplæggene var for lange.",
    "Gallerivandringen var inspirerende.",          "Mere tid til fordybelse næste gang."};

/// Cancellation notes, by reason.
inline constexpr std::string_view kStaffingNote = "For få medarbejdere på vagt";
inline constexpr std::string_view kWorkloadNote = "Akutte opgaver gik forud";
inline constexpr std::string_view kNoFacilitatorNote = "Ingen facilitator til stede";
inline constexpr std::string_view kHolidayNote = "Ferieperiode";
inline constexpr std::string_view kCutShortNote = "Afbrudt af akutte opgaver";

}  // namespace carelearn::detail::texts

#endif  // CARELEARN_SRC_ANALYSIS_SIMULATE_TEXTS_HPP_
