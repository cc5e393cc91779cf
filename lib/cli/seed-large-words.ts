// The vocabulary the seeded messages are built from inside Postgres: sentence parts combined at
// random with products, cities and numbers, so that a search for "refund", "Lisboa" or an order
// number finds some conversations and not all of them. {p} = product, {c} = city, {n} = number.
import { list } from "./seed-large-plan";

export const seedWords = {
  inboundOpeners: list(
    "Hi|Hello|Olá|Hola|Good morning|Hey there|Bonjour|Hallo|مرحبا|שלום|Oi|Buenas tardes|Quick question:|" +
      "Sorry to bother you,|Hi again|Boa tarde!|Merhaba|Ciao|Namaste|Hey 👋|Good evening|Excuse me,|",
  ),
  inboundSubjects: list(
    "my order #{n} still hasn't arrived|is the {p} back in stock?|I was charged twice for order #{n}|" +
      "can I return the {p}? It doesn't fit|the {p} arrived broken 😞|do you ship to {c}?|" +
      "what's the tracking number for order #{n}?|I need an invoice for order #{n}|" +
      "can I change the delivery address to {c}?|how long is the warranty on the {p}?|" +
      "the payment failed with error {n}|can I pay with Pix?|is there a discount code for the {p}?|" +
      "¿cuándo llega mi pedido #{n}?|o {p} tem garantia?|where can I pick up the {p} in {c}?|" +
      "I'd like a refund for the {p}|the app says delivered but nothing came 📦|can I cancel order #{n}?|" +
      "do you have the {p} in blue?|which size of the {p} should I get?|my coupon SAVE{n} doesn't work|" +
      "the courier left the {p} with a neighbour in {c}|I never got the confirmation email for #{n}|" +
      "is the {p} compatible with the one I bought last year?|the {p} makes a weird noise|" +
      "can you deliver the {p} before Friday?|hay una tienda en {c}?|ich habe die Rechnung #{n} nicht bekommen|" +
      "my parcel is stuck in customs in {c}|I got the wrong colour of {p}|the {p} is missing a part|" +
      "do you offer gift wrapping for the {p}?|can I split the payment for order #{n}?|" +
      "what are your opening hours in {c}?|I want to speak to a human please|هل يمكنني إرجاع {p}؟|" +
      "האם ה{p} במלאי?|my account was charged {n} cents extra",
  ),
  inboundClosers: list(
    "| Thanks!| 🙏| Thank you| Obrigado!| Gracias| ASAP please| 😊| شكرا| תודה| Danke| 🙂🙂|" +
      " It's urgent.| Order placed last week.| Cheers| ??| 😡| Have a nice day",
  ),
  agentOpeners: list(
    "Hi there!|Hello!|Thanks for reaching out.|Sorry for the wait.|Good news:|Olá!|Thanks for your patience.|" +
      "Hi, this is support.|Got it.|Of course!|",
  ),
  agentBodies: list(
    "your order #{n} ships tomorrow from our {c} warehouse.|" +
      "I've issued a refund for the {p}; it takes 3–5 business days.|the {p} is back in stock in all sizes.|" +
      "your tracking number is LX{n}BR.|could you send a photo of the damaged {p}?|" +
      "I've updated the delivery address to {c}.|here's the invoice for order #{n}.|" +
      "we deliver to {c} within 2 business days.|the warranty on the {p} is 24 months.|" +
      "please try the payment again, we fixed the issue.|I've applied a 10% discount to order #{n}.|" +
      "a replacement {p} is on its way.|order #{n} is cancelled and fully refunded.|" +
      "our store in {c} has the {p} available for pick-up today.|the courier will call you before delivery.|" +
      "I've escalated this to our logistics team (case {n}).|you can return the {p} free of charge within 30 days.",
  ),
  agentClosers: list(
    "| Anything else I can help with?| Have a great day!| 🙂| Let me know if it works.| Thanks!|" +
      " We're sorry for the trouble.| Obrigado pela paciência!",
  ),
  products: list(
    "wireless earbuds|espresso machine|yoga mat|running shoes|phone case|standing desk|air fryer|" +
      "linen shirt|backpack|smart watch|gift card|blender|office chair|sunglasses|kids' bike|mattress|" +
      "coffee beans|winter jacket|water bottle|desk lamp|HDMI cable|vacuum cleaner|rice cooker|" +
      "leather wallet|bluetooth speaker|cast-iron pan|hair dryer|board game|perfume|tablet|dog bed|" +
      "LED strip|printer ink|camera lens|kettle|zebra-print scarf|ceramic mug|electric toothbrush|" +
      "baby stroller|gaming mouse|mechanical keyboard|rain boots|tent|sofa cover|wall clock",
  ),
  cities: list(
    "São Paulo|Lisboa|Madrid|Berlin|Cairo|Tel Aviv|Dubai|Mumbai|Lagos|Nairobi|Ciudad de México|" +
      "Bogotá|Istanbul|Warszawa|Jakarta|Manila|Toronto|Austin|Paris|Milano|Riyadh|Tokyo|Porto|Accra|" +
      "Buenos Aires|Kraków|Amman|Casablanca|Santiago|Lima",
  ),
  captions: list(
    "Here's the photo|Damaged box|Receipt|This is the one I want|Label on the package|" +
      "Screenshot of the error|Wrong item 😕|Serial number|What arrived|Size chart|Proof of payment",
  ),
  documents: list(
    "invoice-{n}.pdf|receipt_{n}.pdf|return-form.pdf|warranty-card.pdf|order-{n}.xlsx|" +
      "bank-transfer-{n}.pdf|complaint.docx",
  ),
  cardNames: list("Zoë Martin|Rafael Costa|Amina Yusuf|Tomás Ruiz|Hannah Weber|Dr. Kenji Sato|Mamãe ❤️|Plumber"),
  buttons: list("Yes, deliver|Reschedule|Talk to an agent|Stop promotions|Track my order|Confirm address"),
  /** name|address|latitude|longitude, one place per entry */
  places: [
    "Tour Eiffel|Champ de Mars, 5 Av. Anatole France, 75007 Paris, France|48.8583701|2.2944813",
    "Avenida Paulista|Av. Paulista, 1578 - Bela Vista, São Paulo - SP, Brazil|-23.5613496|-46.6565353",
    "Home|Rua das Flores 12, 1200-195 Lisboa, Portugal|38.7104|-9.1409",
    "Office|Friedrichstraße 68, 10117 Berlin, Germany|52.5096|13.3906",
    "Dubai Mall|Financial Center Rd, Downtown Dubai, UAE|25.1972|55.2796",
    "Pick-up point|Calle de Alcalá 21, 28014 Madrid, Spain|40.4183|-3.6996",
    "Yaba Market|Tejuosho Rd, Yaba, Lagos, Nigeria|6.5095|3.3711",
    "Gate B|Tel Aviv Port, Tel Aviv-Yafo, Israel|32.0973|34.7736",
  ],
};
