"""Clauses where actors share a sentence but the sentence relates few or none.

These are the tempting negatives: commenting on others' meetings, being absent,
lists, parallel statements, a place that only hosts.
"""

from __future__ import annotations

from training.lexicon.clause import C, numbered

NONE = numbered("none", [
    C("{v:أكد|أكدت:A} {A} {quote}، فيما {v:دعا|دعت:B} {B} إلى {alt:ضبط النفس|التهدئة|الحوار}", "A=actor B=actor", tags="parallel"),
    C("{v:علق|علقت:C} {C} على لقاء {A} و{B} {alt:قائلا|معتبرا} {quote}", "C=actor A=per B=per", "A-B:MET_WITH", tags="comment"),
    C("{v:وصف|وصفت:C} {C} لقاء {A} ب{B} بأنه {alt:إيجابي|خطوة مهمة|مجرد مناورة}", "C=actor A=per B=party", "A-B:MET_WITH", tags="comment"),
    C("تزامنت زيارة {A} إلى {P} مع {alt:تصريحات أدلى بها|بيان أصدره} {B}", "A=per P=dest B=actor", "A>P:VISITED", form="vf"),
    C("{v:أصدر|أصدرت:A} {A} بيانا بشأن {topic}، في وقت {alt:أعلن فيه|كشف فيه} {B} عن {alt:خطة جديدة|مبادرة سياسية}", "A=actor B=actor", tags="parallel"),
    C("{v:قال|قالت:A} {A} إن {B} {v:يمر|تمر:B} بمرحلة {alt:صعبة|دقيقة|حاسمة}", "A=actor B=actor", tags="reported"),
    C("{v:دعا|دعت:A} {A} {B} إلى {alt:الحوار|ضبط النفس|الالتزام بالهدنة|احترام الاتفاقات}", "A=actor B=actor", tags="appeal"),
    C("{v:التقى|التقت:A} {A} ب{B}، بينما {v:غاب|غابت:C} {C} عن الاجتماع", "A=per B=per C=per", "A-B:MET_WITH", tags="absent"),
    C("{v:أعرب|أعربت:A} {A} عن قلقه من تدهور الأوضاع في {P}", "A=actor P=place", tags="single"),
    C("{v:تحدث|تحدثت:A} {A} عن {alt:مستقبل العلاقات مع|الأوضاع في} {B} {alt:في مقابلة صحفية|خلال مؤتمر صحفي}", "A=actor B=coll", tags="single"),
    C("{v:يستعد|تستعد:A} {A} {alt:لإطلاق|للإعلان عن} {alt:خطة جديدة|مبادرة}، {alt:بينما|في حين} {v:يواصل|تواصل:B} {B} {alt:مشاوراته الداخلية|تحضيراته}", "A=actor B=actor", tags="parallel"),
    C("{alt:من بين|من أبرز} {alt:المرشحين|الأسماء المطروحة} {alt:لرئاسة الحكومة|للمنصب} {A} و{B} و{C}", "A=pern B=pern C=pern", form="nom", tags="list"),
    C("{v:أشار|أشارت:C} {C} إلى أن {A} و{B} {alt:وقعا|أبرما} {alt:اتفاقا|مذكرة تفاهم} {alt:في وقت سابق|العام الماضي}", "C=actor A=coll B=coll", "A-B:COOPERATES_WITH", tags="comment reported"),
    C("{A} و{B} و{C} {alt:في دائرة الضوء|تحت المجهر|أمام اختبار صعب}", "A=actor B=actor C=actor", form="head", tags="list"),
    C("{v:نشر|نشرت:A} {A} صورا {alt:من|توثق} {alt:الدمار|الاحتفالات} في {P}", "A=actor P=place", tags="single"),
    C("{v:غادر|غادرت:A} {A} {P} {alt:بعد انتهاء|عقب اختتام} {event}", "A=per P=place", tags="single"),
    C("{v:تابع|تابعت:A} {A} {alt:عن كثب|باهتمام} {alt:المحادثات الجارية|التطورات} في {P}", "A=actor P=place", tags="single"),
    C("{v:أعلن|أعلنت:A} {A} {alt:موقفه|رأيه} من {topic}، {alt:ولم|دون أن} {alt:يعلق|يصدر} {B} {alt:أي تعليق|أي موقف}", "A=actor B=actor", tags="parallel negation"),
    C("{alt:ترددت|تداولت وسائل التواصل} أنباء عن {alt:لقاء|زيارة} {alt:مرتقب|محتمل} {alt:لـ|يجمع} {A} و{B}", "A=per B=per", form="nom", tags="future"),
    C("من المقرر أن {v:يلتقي|تلتقي:A} {A} {B} {alt:الأسبوع المقبل|خلال الأيام المقبلة}", "A=per B=per", form="nom", tags="future"),
    C("{v:رحب|رحبت:C} {C} باتفاق {A} و{B} على {topic}", "C=actor A=coll B=coll", "A-B:COOPERATES_WITH C>A:SUPPORTS C>B:SUPPORTS", tags="comment"),
])
